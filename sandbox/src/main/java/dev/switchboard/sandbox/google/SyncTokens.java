package dev.switchboard.sandbox.google;

import java.util.HashMap;
import java.util.Map;

/** Issued sync tokens: each remembers its calendar, the change it was issued at and the account's generation. */
final class SyncTokens {

    record SyncPoint(String accountEmail, String calendarId, long changeSeq, long generation) {
    }

    private final Map<String, SyncPoint> issued = new HashMap<>();

    String issue(Ids ids, SyncPoint point) {
        String token = ids.syncToken();
        issued.put(token, point);
        return token;
    }

    /** Null for a token this emulator never issued. */
    SyncPoint find(String token) {
        return issued.get(token);
    }

    void clear() {
        issued.clear();
    }
}
