package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/** Telegram objects (User, Chat, Message skeletons) as Jackson trees, absent fields omitted. */
final class Payloads {

    private Payloads() {
    }

    static ObjectNode user(TgUser user) {
        ObjectNode json = Json.object();
        json.put("id", user.id());
        json.put("is_bot", false);
        json.put("first_name", user.firstName());
        putIfPresent(json, "username", user.username());
        putIfPresent(json, "language_code", user.languageCode());
        return json;
    }

    /** The bot as it appears in {@code from} of its own messages. */
    static ObjectNode botUser(Bot bot) {
        ObjectNode json = Json.object();
        json.put("id", bot.id());
        json.put("is_bot", true);
        json.put("first_name", displayName(bot.username()));
        json.put("username", bot.username());
        return json;
    }

    /** The getMe result. */
    static ObjectNode me(Bot bot) {
        ObjectNode json = botUser(bot);
        json.put("can_join_groups", true);
        json.put("can_read_all_group_messages", false);
        json.put("supports_inline_queries", false);
        json.put("can_connect_to_business", false);
        json.put("has_main_web_app", false);
        return json;
    }

    static ObjectNode chat(Chat chat) {
        ObjectNode json = Json.object();
        json.put("id", chat.id());
        if (chat.isPrivate()) {
            json.put("first_name", chat.user().firstName());
            putIfPresent(json, "username", chat.user().username());
        } else {
            json.put("title", chat.title());
        }
        json.put("type", chat.type().json());
        if (chat.type() == Chat.Type.GROUP) {
            json.put("all_members_are_administrators", true);
        }
        return json;
    }

    /** {@code message_id}, {@code from}, {@code chat} and {@code date}, in Telegram's field order. */
    static ObjectNode message(long messageId, ObjectNode from, Chat chat, long date) {
        ObjectNode json = Json.object();
        json.put("message_id", messageId);
        json.set("from", from);
        json.set("chat", chat(chat));
        json.put("date", date);
        return json;
    }

    /** "acme_booking_bot" → "Acme Booking": what a BotFather display name usually looks like. */
    static String displayName(String username) {
        String base = username.replaceFirst("(?i)_?bot$", "");
        if (base.isBlank()) {
            return username;
        }
        return Arrays.stream(base.split("_"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                .collect(Collectors.joining(" "));
    }

    static void putIfPresent(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
