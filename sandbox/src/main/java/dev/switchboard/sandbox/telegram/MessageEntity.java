package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import tools.jackson.databind.node.ObjectNode;

/** A MessageEntity: offsets and lengths in UTF-16 code units, as Telegram counts them. */
record MessageEntity(String type, int offset, int length, String url, String language, String customEmojiId) {

    static MessageEntity of(String type, int offset, int length) {
        return new MessageEntity(type, offset, length, null, null, null);
    }

    MessageEntity shifted(int delta, int textLength) {
        int start = Math.max(0, offset + delta);
        int end = Math.min(textLength, offset + delta + length);
        return new MessageEntity(type, start, Math.max(0, end - start), url, language, customEmojiId);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("offset", offset);
        json.put("length", length);
        json.put("type", type);
        Payloads.putIfPresent(json, "url", url);
        Payloads.putIfPresent(json, "language", language);
        Payloads.putIfPresent(json, "custom_emoji_id", customEmojiId);
        return json;
    }
}
