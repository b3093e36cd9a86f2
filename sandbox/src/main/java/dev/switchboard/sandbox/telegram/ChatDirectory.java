package dev.switchboard.sandbox.telegram;

import java.util.HashMap;
import java.util.Map;

/** Users and chats. Private chats share their user's id; groups get negative ids. */
final class ChatDirectory {

    private static final long FIRST_GROUP_ID = -4_100_000_001L;
    private static final long FIRST_SUPERGROUP_ID = -1_002_100_000_001L;

    private final Map<Long, TgUser> users = new HashMap<>();
    private final Map<Long, Chat> chats = new HashMap<>();
    private long groupSequence;

    /** Creates the user and their private chat, or returns the existing user with that id. */
    TgUser user(TgUser candidate) {
        if (candidate.id() <= 0) {
            throw new IllegalArgumentException("user ids are positive: " + candidate.id());
        }
        TgUser existing = users.putIfAbsent(candidate.id(), candidate);
        chats.putIfAbsent(candidate.id(), Chat.privateWith(existing == null ? candidate : existing));
        return existing == null ? candidate : existing;
    }

    long group(String title, Chat.Type type) {
        long base = type == Chat.Type.SUPERGROUP ? FIRST_SUPERGROUP_ID : FIRST_GROUP_ID;
        long id = base - groupSequence++;
        chats.put(id, Chat.group(id, type, title));
        return id;
    }

    Chat chat(long id) {
        return chats.get(id);
    }

    void clear() {
        users.clear();
        chats.clear();
        groupSequence = 0;
    }
}
