package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.RequestParams;
import dev.switchboard.sandbox.http.UploadedFile;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Bot API parameters read the way the Bot API server reads them: every value is a string;
 * integers are parsed leniently (leading digits, else 0) and clamped rather than rejected;
 * booleans are true/yes/1.
 */
final class TelegramParams {

    private final RequestParams raw;

    TelegramParams(RequestParams raw) {
        this.raw = raw;
    }

    /** The value; absent and empty are the same to Telegram. */
    Optional<String> string(String name) {
        return raw.text(name).filter(value -> !value.isEmpty());
    }

    /** A required value, or 400 "parameter "name" is required". */
    String required(String name) {
        return string(name).orElseThrow(() -> ApiException.badRequest("parameter \"" + name + "\" is required"));
    }

    /** Like td::to_integer: an optional sign and leading digits; anything else reads as 0. */
    long longValue(String name, long defaultValue) {
        Optional<String> text = string(name).map(String::trim);
        return text.isEmpty() ? defaultValue : leadingInteger(text.get());
    }

    /** The integer argument clamped into [min, max], as get_integer_arg does. */
    int intValue(String name, int defaultValue, int min, int max) {
        long value = longValue(name, defaultValue);
        return (int) Math.max(min, Math.min(max, value));
    }

    double doubleValue(String name) {
        try {
            return Double.parseDouble(string(name).map(String::trim).orElse("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean flag(String name) {
        String value = string(name).map(text -> text.trim().toLowerCase(Locale.ROOT)).orElse("");
        return value.equals("true") || value.equals("yes") || value.equals("1");
    }

    /** An object/array parameter, sent as JSON or as a JSON string in a form; 400 {@code detail} if unparsable. */
    Optional<JsonNode> json(String name, String detail) {
        try {
            return raw.json(name).filter(node -> !node.isNull());
        } catch (MalformedRequestException e) {
            throw ApiException.badRequest(detail);
        }
    }

    /** Like {@link #json} but silently ignores values that are not JSON, as Telegram does for entities. */
    Optional<JsonNode> lenientJson(String name) {
        try {
            return raw.json(name).filter(node -> !node.isNull());
        } catch (MalformedRequestException e) {
            return Optional.empty();
        }
    }

    Optional<UploadedFile> file(String name) {
        return raw.file(name);
    }

    /** chat_id when it is numeric, for faults and rate limits that key on it. */
    OptionalLong numericChatId() {
        Optional<String> text = string("chat_id").map(String::trim);
        if (text.isEmpty() || !text.get().matches("-?\\d{1,19}")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }

    Map<String, String> asText() {
        return raw.asText();
    }

    static long leadingInteger(String text) {
        int end = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        while (end < text.length() && end < 20 && Character.isDigit(text.charAt(end))) {
            end++;
        }
        try {
            return Long.parseLong(text.substring(0, end));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
