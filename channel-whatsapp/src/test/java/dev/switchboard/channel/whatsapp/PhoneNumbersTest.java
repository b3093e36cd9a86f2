package dev.switchboard.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.channel.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+79001234567", " +79001234567 ", "+7 900 123-45-67", "+7 (900) 123.45.67",
            "whatsapp:+79001234567", "WhatsApp:+79001234567", "79001234567@c.us"})
    void everyFormOfOneNumberIsTheSameE164(String raw) {
        assertThat(PhoneNumbers.e164(raw)).contains("+79001234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"79001234567", "89001234567", "+0123456789", "+12345", "+1234567890123456", "+7900abc4567",
            "120363043968066561@g.us", "hello", "", "+", "whatsapp:79001234567", "7900@c.us"})
    void anythingElseIsNoNumber(String raw) {
        assertThat(PhoneNumbers.e164(raw)).isEmpty();
    }

    @Test
    void requireNamesTheFieldAndSaysWhatIsExpected() {
        assertThatThrownBy(() -> PhoneNumbers.require("to", "89001234567"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("to");
                        assertThat(error.message()).contains("E.164").contains("+79001234567").contains("@c.us");
                    });
                });
        assertThatThrownBy(() -> PhoneNumbers.require("to", " ")).isInstanceOf(InvalidInputException.class);
        assertThat(PhoneNumbers.require("contact.phone", "+1 415 523 8886")).isEqualTo("+14155238886");
    }

    @Test
    void chatIdsConvertBothWays() {
        assertThat(ChatIds.personal("+79001234567")).isEqualTo("79001234567@c.us");
        assertThat(ChatIds.phoneOf("79001234567@c.us")).isEqualTo("+79001234567");
        assertThat(ChatIds.phoneOf("120363043968066561@g.us")).isNull();
        assertThat(ChatIds.isGroup("120363043968066561@g.us")).isTrue();
        assertThat(ChatIds.isGroup("79001234567@c.us")).isFalse();
    }
}
