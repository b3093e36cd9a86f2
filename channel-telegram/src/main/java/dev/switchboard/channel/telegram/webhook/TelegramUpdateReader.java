package dev.switchboard.channel.telegram.webhook;

import dev.switchboard.channel.telegram.model.TgCallbackQuery;
import dev.switchboard.channel.telegram.model.TgChat;
import dev.switchboard.channel.telegram.model.TgMessage;
import dev.switchboard.channel.telegram.model.TgUpdate;
import dev.switchboard.channel.telegram.model.TgUser;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a webhook's Update from its JSON tree into the model records, field by field. Every
 * delivery passes here: binding the records through Jackson's databind cost more than storing
 * them (Jackson 3.1 calls each record's constructor through {@code MethodHandle.invokeWithArguments}
 * and buffers every unknown property), while the tree is one pass of the streaming parser.
 * Only the fields Switchboard reads are taken; a wrongly typed id makes the Update malformed.
 */
final class TelegramUpdateReader {

    /** A field that should hold a number and does not. */
    static final class MalformedUpdateException extends RuntimeException {
        MalformedUpdateException(String field) {
            super(field + " is not a number");
        }
    }

    private TelegramUpdateReader() {
    }

    static TgUpdate read(JsonNode update) {
        return new TgUpdate(optionalLong(update, "update_id"), message(update.get("message")),
                callbackQuery(update.get("callback_query")));
    }

    private static TgMessage message(JsonNode m) {
        if (!present(m)) {
            return null;
        }
        Long messageId = optionalLong(m, "message_id");
        return new TgMessage(messageId == null ? 0 : messageId, optionalLong(m, "date"), user(m.get("from")), chat(m.get("chat")), text(m, "text"), text(m, "caption"),
                photos(m.get("photo")), document(m.get("document")), voice(m.get("voice")), location(m.get("location")),
                contact(m.get("contact")));
    }

    private static TgCallbackQuery callbackQuery(JsonNode q) {
        return present(q) ? new TgCallbackQuery(text(q, "id"), user(q.get("from")), message(q.get("message")),
                text(q, "chat_instance"), text(q, "data")) : null;
    }

    private static TgUser user(JsonNode u) {
        return present(u) ? new TgUser(requiredLong(u, "id"), present(u.get("is_bot")) ? u.get("is_bot").asBoolean() : null,
                text(u, "first_name"), text(u, "last_name"), text(u, "username"), text(u, "language_code")) : null;
    }

    private static TgChat chat(JsonNode c) {
        return present(c) ? new TgChat(requiredLong(c, "id"), text(c, "type"), text(c, "title"), text(c, "username"),
                text(c, "first_name")) : null;
    }

    private static List<TgMessage.PhotoSize> photos(JsonNode sizes) {
        if (!present(sizes) || !sizes.isArray()) {
            return null;
        }
        List<TgMessage.PhotoSize> photos = new ArrayList<>(sizes.size());
        for (JsonNode p : sizes) {
            photos.add(new TgMessage.PhotoSize(text(p, "file_id"), text(p, "file_unique_id"), optionalInt(p, "width"),
                    optionalInt(p, "height"), optionalLong(p, "file_size")));
        }
        return photos;
    }

    private static TgMessage.Document document(JsonNode d) {
        return present(d) ? new TgMessage.Document(text(d, "file_id"), text(d, "file_unique_id"), text(d, "file_name"),
                text(d, "mime_type"), optionalLong(d, "file_size")) : null;
    }

    private static TgMessage.Voice voice(JsonNode v) {
        return present(v) ? new TgMessage.Voice(text(v, "file_id"), text(v, "file_unique_id"), optionalInt(v, "duration"),
                text(v, "mime_type"), optionalLong(v, "file_size")) : null;
    }

    private static TgMessage.Location location(JsonNode l) {
        return present(l) ? new TgMessage.Location(l.path("latitude").asDouble(), l.path("longitude").asDouble()) : null;
    }

    private static TgMessage.Contact contact(JsonNode c) {
        return present(c) ? new TgMessage.Contact(text(c, "phone_number"), text(c, "first_name"), text(c, "last_name"),
                optionalLong(c, "user_id")) : null;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** A scalar as text (Jackson's databind coerced numbers to strings the same way); null when absent. */
    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return present(node) && node.isValueNode() ? node.asString() : null;
    }

    private static long requiredLong(JsonNode parent, String field) {
        Long value = optionalLong(parent, field);
        if (value == null) {
            throw new MalformedUpdateException(field);
        }
        return value;
    }

    private static Long optionalLong(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (!present(node)) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        try {
            return Long.parseLong(node.asString());
        } catch (NumberFormatException e) {
            throw new MalformedUpdateException(field);
        }
    }

    private static Integer optionalInt(JsonNode parent, String field) {
        Long value = optionalLong(parent, field);
        return value == null ? null : value.intValue();
    }
}
