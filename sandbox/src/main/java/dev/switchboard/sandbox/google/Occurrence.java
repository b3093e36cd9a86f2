package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One occurrence of an event: the event itself, or an instance of a recurring one with its
 * own id ({@code <eventId>_<original start>}) and {@code originalStart}.
 */
record Occurrence(String id, EventTime start, EventTime end, EventTime originalStart) {

    boolean isInstance() {
        return originalStart != null;
    }

    Instant startInstant(ZoneId calendarZone) {
        return start.instant(calendarZone);
    }

    Instant endInstant(ZoneId calendarZone) {
        return end.instant(calendarZone);
    }

    /** timeMin bounds the end, timeMax the start, both exclusively. */
    boolean overlaps(Instant timeMin, Instant timeMax, ZoneId calendarZone) {
        return (timeMin == null || endInstant(calendarZone).isAfter(timeMin))
                && (timeMax == null || startInstant(calendarZone).isBefore(timeMax));
    }
}
