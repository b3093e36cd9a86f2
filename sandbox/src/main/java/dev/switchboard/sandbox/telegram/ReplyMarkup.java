package dev.switchboard.sandbox.telegram;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * reply_markup parsing and validation. Inline buttons need text and exactly one action;
 * callback_data is 1–64 bytes of UTF-8; button URLs are http(s) or tg.
 */
final class ReplyMarkup {

    static final List<String> ACTIONS = List.of("url", "callback_data", "web_app", "login_url", "switch_inline_query",
            "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "callback_game", "pay",
            "copy_text");
    private static final String UNPARSABLE = "can't parse reply keyboard markup JSON object";
    private static final int MAX_CALLBACK_DATA_BYTES = 64;

    private ReplyMarkup() {
    }

    static Optional<JsonNode> read(TelegramParams params) {
        Optional<JsonNode> markup = params.json("reply_markup", UNPARSABLE);
        markup.ifPresent(ReplyMarkup::validate);
        return markup;
    }

    /** The markup a Message echoes back: only inline keyboards appear in the returned Message. */
    static Optional<JsonNode> inlineKeyboard(Optional<JsonNode> markup) {
        return markup.filter(node -> node.has("inline_keyboard"));
    }

    /** Telegram's texts; a markup object with none of the known fields is accepted and ignored. */
    static void validate(JsonNode markup) {
        if (!markup.isObject()) {
            throw ApiException.badRequest("object expected as reply markup");
        }
        if (markup.has("inline_keyboard")) {
            rows(markup.get("inline_keyboard"), "inline_keyboard", "InlineKeyboardMarkup")
                    .forEach(row -> row.forEach(ReplyMarkup::inlineButton));
        }
        if (markup.has("keyboard")) {
            rows(markup.get("keyboard"), "keyboard", "ReplyKeyboardMarkup")
                    .forEach(row -> row.forEach(ReplyMarkup::keyboardButton));
        }
    }

    private static JsonNode rows(JsonNode rows, String field, String type) {
        String prefix = "field \"" + field + "\" of the " + type + " must be an Array";
        if (!rows.isArray()) {
            throw ApiException.badRequest(prefix);
        }
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw ApiException.badRequest(prefix + " of Arrays");
            }
        }
        return rows;
    }

    private static void inlineButton(JsonNode button) {
        if (!button.isObject()) {
            throw buttonError("InlineKeyboardButton must be an Object");
        }
        if (!button.has("text")) {
            throw buttonError("Can't find field \"text\"");
        }
        if (!button.get("text").isString()) {
            throw buttonError("Field \"text\" must be of type String");
        }
        List<String> actions = ACTIONS.stream().filter(action -> button.has(action) && !button.get(action).isNull())
                .toList();
        if (actions.isEmpty()) {
            throw buttonError("Text buttons are unallowed in the inline keyboard");
        }
        if (actions.size() > 1) {
            throw buttonError("exactly one of the optional fields must be set, found " + String.join(", ", actions));
        }
        if (button.has("callback_data")) {
            callbackData(button.get("callback_data"));
        }
        if (button.has("url")) {
            url(button.get("url"));
        }
    }

    private static void callbackData(JsonNode data) {
        int bytes = data.isString() ? data.stringValue().getBytes(StandardCharsets.UTF_8).length : 0;
        if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
            throw ApiException.badRequest("BUTTON_DATA_INVALID");
        }
    }

    private static void url(JsonNode url) {
        String text = url.isString() ? url.stringValue() : "";
        String lower = text.toLowerCase(Locale.ROOT);
        boolean supported = (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("tg://"))
                && text.length() > lower.indexOf("//") + 2;
        if (!supported) {
            throw ApiException.badRequest("inline keyboard button URL '" + text + "' is invalid: Unsupported URL protocol");
        }
    }

    private static void keyboardButton(JsonNode button) {
        if (!button.isString() && !button.isObject()) {
            throw ApiException.badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
        }
        if (button.isObject() && !button.path("text").isString()) {
            throw ApiException.badRequest("can't parse keyboard button: Field \"text\" must be of type String");
        }
    }

    private static ApiException buttonError(String detail) {
        return ApiException.badRequest("can't parse inline keyboard button: " + detail);
    }
}
