package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.http.Json;
import org.junit.jupiter.api.Test;

class ReplyMarkupTest {

    private static void validate(String json) {
        ReplyMarkup.validate(Json.parse(json));
    }

    @Test
    void acceptsEveryActionKindAndOtherKeyboards() {
        assertThatCode(() -> validate("{\"inline_keyboard\":[[{\"text\":\"a\",\"web_app\":{\"url\":\"https://x\"}},"
                + "{\"text\":\"b\",\"switch_inline_query\":\"\"},{\"text\":\"c\",\"pay\":true},"
                + "{\"text\":\"d\",\"copy_text\":{\"text\":\"x\"}},{\"text\":\"e\",\"login_url\":{\"url\":\"https://x\"}}]]}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validate("{\"keyboard\":[[\"Yes\",{\"text\":\"Share\",\"request_contact\":true}]]}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> validate("{\"remove_keyboard\":true}")).doesNotThrowAnyException();
    }

    @Test
    void callbackDataCountsBytesNotCharacters() {
        assertThatCode(() -> validate("{\"inline_keyboard\":[[{\"text\":\"a\",\"callback_data\":\"" + "€".repeat(21)
                + "\"}]]}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> validate("{\"inline_keyboard\":[[{\"text\":\"a\",\"callback_data\":\"" + "€".repeat(22)
                + "\"}]]}")).hasMessage("Bad Request: BUTTON_DATA_INVALID");
        assertThatThrownBy(() -> validate("{\"inline_keyboard\":[[{\"text\":\"a\",\"callback_data\":\"\"}]]}"))
                .hasMessage("Bad Request: BUTTON_DATA_INVALID");
    }

    @Test
    void rejectsMalformedKeyboards() {
        assertThatThrownBy(() -> validate("{\"inline_keyboard\":{}}"))
                .hasMessage("Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
        assertThatThrownBy(() -> validate("{\"keyboard\":[[7]]}"))
                .hasMessage("Bad Request: can't parse keyboard button: KeyboardButton must be a String or an Object");
        assertThatThrownBy(() -> validate("{\"inline_keyboard\":[[\"text\"]]}"))
                .hasMessage("Bad Request: can't parse inline keyboard button: InlineKeyboardButton must be an Object");
    }
}
