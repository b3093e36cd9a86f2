package dev.switchboard.sandbox.google;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** One stored event. Mutable, guarded by the state lock. */
final class StoredEvent {

    /** Instances produced for a recurrence that has no end and no timeMax to stop at. */
    static final int UNBOUNDED_INSTANCES = 730;
    private static final DateTimeFormatter INSTANCE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INSTANCE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    final String id;
    final StoredCalendar calendar;
    final String creatorEmail;
    final Instant created;
    /** What the client may write: summary, description, start, end, attendees, extendedProperties, ... */
    ObjectNode fields;
    String status;
    EventTime start;
    EventTime end;
    Recurrence recurrence;
    Instant updated;
    int sequence;
    long changeSeq;

    StoredEvent(String id, StoredCalendar calendar, String creatorEmail, Instant created) {
        this.id = id;
        this.calendar = calendar;
        this.creatorEmail = creatorEmail;
        this.created = created;
    }

    boolean cancelled() {
        return "cancelled".equals(status);
    }

    boolean recurring() {
        return recurrence != null;
    }

    /** Quoted, like Google's: it changes with every modification. */
    String etag() {
        return "\"" + (updated.toEpochMilli() * 1000 + changeSeq % 1000) + "\"";
    }

    String iCalUid() {
        return id + "@google.com";
    }

    String htmlLink() {
        return "https://www.google.com/calendar/event?eid=" + Ids.base64Url(id + " " + calendar.id);
    }

    /**
     * The event itself, or the instances of a recurring event that start before {@code limit}
     * (at most {@value #UNBOUNDED_INSTANCES} when there is no limit).
     */
    List<Occurrence> occurrences(Instant limit) {
        if (recurrence == null) {
            return List.of(new Occurrence(id, start, end, null));
        }
        ZoneId zone = start.allDay() ? calendar.zone : start.zone();
        int max = limit == null ? UNBOUNDED_INSTANCES : 100_000;
        List<Occurrence> instances = new ArrayList<>();
        for (LocalDateTime local : recurrence.starts(start.local(), zone, limit, max)) {
            EventTime instanceStart = start.at(local);
            instances.add(new Occurrence(id + "_" + suffix(instanceStart), instanceStart, endFor(instanceStart),
                    instanceStart));
        }
        return instances;
    }

    /** The instance with this id, if the recurrence produces it. */
    Occurrence instance(String instanceId) {
        if (recurrence == null || !instanceId.startsWith(id + "_")) {
            return null;
        }
        String suffix = instanceId.substring(id.length() + 1);
        Instant target = parseSuffix(suffix);
        if (target == null) {
            return null;
        }
        for (Occurrence occurrence : occurrences(target.plusSeconds(1))) {
            if (occurrence.id().equals(instanceId)) {
                return occurrence;
            }
        }
        return null;
    }

    private Instant parseSuffix(String suffix) {
        try {
            return suffix.length() == 8 ? LocalDate.parse(suffix, INSTANCE_DATE).atStartOfDay(calendar.zone).toInstant()
                    : Instant.from(INSTANCE_TIME.parse(suffix));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private EventTime endFor(EventTime instanceStart) {
        if (start.allDay()) {
            long days = ChronoUnit.DAYS.between(start.date(), end.date());
            return new EventTime(instanceStart.date().plusDays(days), null, end.timeZone(), null);
        }
        Duration length = Duration.between(start.dateTime(), end.dateTime());
        return new EventTime(null, instanceStart.dateTime().plus(length), end.timeZone(), end.zone());
    }

    private static String suffix(EventTime start) {
        return start.allDay() ? INSTANCE_DATE.format(start.date()) : INSTANCE_TIME.format(start.dateTime());
    }
}
