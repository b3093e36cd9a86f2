package dev.switchboard.sandbox.telegram;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** A chat and the messages in it. Message ids increase per chat, shared by users and bots. */
final class Chat {

    enum Type {
        PRIVATE, GROUP, SUPERGROUP;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A message kept for callbacks and edits; {@code senderBotId} is 0 when a user sent it. */
    record StoredMessage(ObjectNode json, long senderBotId) {
    }

    private final long id;
    private final Type type;
    private final String title;
    private final TgUser user;
    private final Map<Long, StoredMessage> messages = new HashMap<>();
    private long lastMessageId;

    private Chat(long id, Type type, String title, TgUser user) {
        this.id = id;
        this.type = type;
        this.title = title;
        this.user = user;
    }

    static Chat privateWith(TgUser user) {
        return new Chat(user.id(), Type.PRIVATE, null, user);
    }

    static Chat group(long id, Type type, String title) {
        return new Chat(id, type, title, null);
    }

    long id() {
        return id;
    }

    Type type() {
        return type;
    }

    boolean isPrivate() {
        return type == Type.PRIVATE;
    }

    String title() {
        return title;
    }

    /** The other party of a private chat; null for groups. */
    TgUser user() {
        return user;
    }

    long nextMessageId() {
        return ++lastMessageId;
    }

    void store(long messageId, StoredMessage message) {
        messages.put(messageId, message);
    }

    StoredMessage message(long messageId) {
        return messages.get(messageId);
    }

    boolean remove(long messageId) {
        return messages.remove(messageId) != null;
    }
}
