package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultBookTest {

    @Test
    void keysMatchApiMethodsPathsAndAnyCalendarCall() {
        assertThat(FaultBook.matches("*", "calendar.events.list", "GET", "/calendar/v3/x")).isTrue();
        assertThat(FaultBook.matches("*", "oauth.token", "POST", "/token")).isFalse();
        assertThat(FaultBook.matches("events.list", "calendar.events.list", "GET", "/x")).isTrue();
        assertThat(FaultBook.matches("calendar.events.insert", "calendar.events.list", "GET", "/x")).isFalse();
        assertThat(FaultBook.matches("oauth.token", "oauth.token", "POST", "/token")).isTrue();
        assertThat(FaultBook.matches("/calendar/v3/freeBusy", "calendar.freebusy.query", "POST",
                "/calendar/v3/freeBusy")).isTrue();
        assertThat(FaultBook.matches("GET /token", "oauth.token", "POST", "/token")).isFalse();
        assertThat(FaultBook.matches("post /token", "oauth.token", "POST", "/token")).isTrue();
    }

    @Test
    void faultsFireInArmingOrderAndCountDown() {
        FaultBook book = new FaultBook();
        book.arm("events.list", Fault.backendError(), 2);
        book.arm("*", Fault.rateLimitExceeded(), 1);
        assertThat(book.take("calendar.events.list", "GET", "/").orElseThrow().status()).isEqualTo(500);
        assertThat(book.take("calendar.events.list", "GET", "/").orElseThrow().status()).isEqualTo(500);
        assertThat(book.take("calendar.events.list", "GET", "/").orElseThrow().status()).isEqualTo(403);
        assertThat(book.take("calendar.events.list", "GET", "/")).isEmpty();
        assertThatThrownBy(() -> book.arm("*", Fault.backendError(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.error(302, "global", "x", "y")).isInstanceOf(IllegalArgumentException.class);
    }
}
