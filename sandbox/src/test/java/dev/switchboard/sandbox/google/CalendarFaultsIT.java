package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Armed faults on Calendar and OAuth calls, and the request log. */
class CalendarFaultsIT extends GoogleITBase {

    private String token;

    @BeforeEach
    void connectAnn() {
        token = annToken();
    }

    @Test
    void usageLimitFaultsAnswerGooglesErrorBodies() {
        google.armFault("events.list", Fault.rateLimitExceeded(), 1);
        google.armFault("calendar.events.list", Fault.userRateLimitExceeded(), 1);
        google.armFault("events.list", Fault.tooManyRequests(), 1);
        google.armFault("events.list", Fault.backendError(), 1);

        GoogleHttp.Reply rate = http.get(token, "calendars/primary/events");
        assertThat(rate.status()).isEqualTo(403);
        assertThat(rate.errorReason()).isEqualTo("rateLimitExceeded");
        assertThat(rate.json().path("error").path("errors").path(0).path("domain").asString()).isEqualTo("usageLimits");
        assertThat(rate.json().path("error").path("message").asString()).isEqualTo("Rate Limit Exceeded");

        assertThat(http.get(token, "calendars/primary/events").errorReason()).isEqualTo("userRateLimitExceeded");
        GoogleHttp.Reply tooMany = http.get(token, "calendars/primary/events");
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.json().path("error").path("status").asString()).isEqualTo("RESOURCE_EXHAUSTED");
        GoogleHttp.Reply backend = http.get(token, "calendars/primary/events");
        assertThat(backend.status()).isEqualTo(500);
        assertThat(backend.errorReason()).isEqualTo("backendError");
        assertThat(http.get(token, "calendars/primary/events").status()).isEqualTo(200);
    }

    @Test
    void faultsMatchByMethodPathOrAnyCalendarCall() {
        google.armFault("POST /calendar/v3/freeBusy", Fault.serviceUnavailable(), 1);
        google.armFault("*", Fault.unauthorized(), 1);
        assertThat(http.get(token, "users/me/calendarList").status()).as("'*' is any Calendar call").isEqualTo(401);
        assertThat(http.post(token, "freeBusy", "{}").status()).isEqualTo(503);
        google.armFault("/calendar/v3/calendars/primary/events", Fault.gone(), 1);
        GoogleHttp.Reply gone = http.get(token, "calendars/primary/events");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.errorReason()).isEqualTo("fullSyncRequired");
    }

    @Test
    void slowAnswersAndDroppedConnections() {
        google.armFault("events.list", Fault.delay(Duration.ofMillis(300)), 1);
        long started = System.nanoTime();
        assertThat(http.get(token, "calendars/primary/events").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        google.armFault("events.list", Fault.delay(Duration.ofSeconds(1)), 1);
        HttpRequest slow = HttpRequest.newBuilder(URI.create(google.calendarBaseUrl() + "calendars/primary/events"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMillis(200)).GET().build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(slow, HttpResponse.BodyHandlers.discarding()))
                .as("a client read timeout fires").isInstanceOf(HttpTimeoutException.class);

        // A POST: the JDK client silently retries an idempotent GET once on a dropped connection.
        google.armFault("freebusy.query", Fault.dropConnection(), 1);
        assertThatThrownBy(() -> http.post(token, "freeBusy", "{}"))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        assertThat(google.requests().get(google.requests().size() - 1).status()).as("recorded with status 0")
                .isZero();
    }

    @Test
    void oauthFaultsUseTheOAuthErrorShape() {
        google.armFault("oauth.token", Fault.error(400, "global", "invalid_grant", "Bad Request"), 1);
        GoogleHttp.Reply reply = http.token(codeExchange(authorizationCode(authorizeParams(CALENDAR_EVENTS, false))));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(reply.json().path("error_description").asString()).isEqualTo("Bad Request");
    }

    @Test
    void theRequestLogShowsEveryCallWithoutLeakingTokens() {
        google.armFault("events.list", Fault.rateLimitExceeded(), 1);
        http.get(token, "calendars/primary/events?maxResults=5");
        http.get(null, "calendars/primary/events");
        java.util.List<Request> requests = google.requests();
        assertThat(requests).extracting(Request::apiMethod)
                .containsExactly("oauth.authorize", "oauth.token", "calendar.events.list", "calendar.events.list");
        Request faulted = requests.get(2);
        assertThat(faulted.status()).isEqualTo(403);
        assertThat(faulted.query()).isEqualTo("maxResults=5");
        assertThat(faulted.account()).isEqualTo(ANN);
        assertThat(faulted.accessToken()).isEqualTo(token);
        assertThat(faulted.toString()).doesNotContain(token);
        Request anonymous = requests.get(3);
        assertThat(anonymous.authorizationPresent()).isFalse();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.account()).isNull();
        assertThat(requests.get(1).account()).as("token calls record the grant's account").isEqualTo(ANN);
    }
}
