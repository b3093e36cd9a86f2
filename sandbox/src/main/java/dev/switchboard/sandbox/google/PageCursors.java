package dev.switchboard.sandbox.google;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Open page tokens. A list is computed once, on its first page; later pages read from that
 * snapshot, so paging is stable while events change, and the last page carries the sync token
 * of the moment the list began.
 */
final class PageCursors {

    private static final int MAX_OPEN = 1000;

    record Cursor(String calendarKey, List<ObjectNode> remaining, SyncTokens.SyncPoint syncPoint) {
    }

    private final Map<String, Cursor> open = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_OPEN;
        }
    };

    String open(Ids ids, Cursor cursor) {
        String token = ids.pageToken();
        open.put(token, cursor);
        return token;
    }

    /** Page tokens stay valid, so a client may retry a page after a failure. */
    Cursor find(String token) {
        return open.get(token);
    }

    void clear() {
        open.clear();
    }
}
