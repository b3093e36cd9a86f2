package dev.switchboard.sandbox.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Callback query ids the emulator issued and that are still waiting for an answer. */
final class CallbackRegistry {

    private record Issued(long botId, Instant issuedAt) {
    }

    private final Map<String, Issued> open = new HashMap<>();
    private final Map<Long, String> byUpdateId = new HashMap<>();

    /** Real ids are decimal strings of a 64-bit number. */
    String issue(long botId, Instant now, Random random) {
        String id;
        do {
            id = Long.toUnsignedString(random.nextLong() | Long.MIN_VALUE);
        } while (open.containsKey(id));
        open.put(id, new Issued(botId, now));
        return id;
    }

    void linkUpdate(long updateId, String callbackQueryId) {
        byUpdateId.put(updateId, callbackQueryId);
    }

    String forUpdate(long updateId) {
        return byUpdateId.get(updateId);
    }

    /** Whether this bot may still answer the id: false for unknown, foreign, answered or expired ids. */
    boolean answerable(long botId, String id, Instant now, Duration window) {
        Issued issued = open.get(id);
        return issued != null && issued.botId() == botId && !issued.issuedAt().plus(window).isBefore(now);
    }

    void consume(String id) {
        open.remove(id);
    }

    void clear() {
        open.clear();
        byUpdateId.clear();
    }
}
