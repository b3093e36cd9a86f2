package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** One calendar and its events in insertion order (the order Google's unordered lists keep here). */
final class StoredCalendar {

    final String id;
    final String ownerEmail;
    final boolean primary;
    final String resourceId;
    final Instant created;
    String summary;
    ZoneId zone;
    final Map<String, StoredEvent> events = new LinkedHashMap<>();

    StoredCalendar(String id, String ownerEmail, String summary, ZoneId zone, boolean primary, String resourceId,
            Instant created) {
        this.id = id;
        this.ownerEmail = ownerEmail;
        this.summary = summary;
        this.zone = zone;
        this.primary = primary;
        this.resourceId = resourceId;
        this.created = created;
    }

    /** The latest modification of any event, or the calendar's creation. */
    Instant lastModified() {
        return events.values().stream().map(event -> event.updated).max(Instant::compareTo).orElse(created);
    }

    long lastChange() {
        return events.values().stream().mapToLong(event -> event.changeSeq).max().orElse(0);
    }
}
