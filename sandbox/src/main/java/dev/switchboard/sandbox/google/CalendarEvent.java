package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored event as the emulator holds it (the recurring event itself, not its instances).
 *
 * @param start   for all-day events, midnight of the start date in the calendar's time zone
 * @param end     exclusive, like Google's
 * @param status  {@code confirmed}, {@code tentative} or {@code cancelled} (deleted)
 * @param json    the event as {@code events.get} returns it
 */
public record CalendarEvent(String id, String calendarId, String status, String summary, String description,
        Instant start, Instant end, boolean allDay, List<String> recurrence, Map<String, String> privateProperties,
        Map<String, String> sharedProperties, int sequence, String etag, Instant created, Instant updated,
        String json) {

    public CalendarEvent {
        recurrence = List.copyOf(recurrence);
        privateProperties = Map.copyOf(privateProperties);
        sharedProperties = Map.copyOf(sharedProperties);
    }

    public boolean cancelled() {
        return "cancelled".equals(status);
    }
}
