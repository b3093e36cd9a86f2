package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event's {@code start} or {@code end}: either an all-day {@code date} or a {@code dateTime}
 * (with an offset, or local plus {@code timeZone}).
 *
 * @param zone the zone local times and recurrences are computed in: {@code timeZone} if given,
 *             else the offset of {@code dateTime}; null for all-day times
 */
record EventTime(LocalDate date, Instant dateTime, String timeZone, ZoneId zone) {

    boolean allDay() {
        return date != null;
    }

    /** The instant this time denotes; all-day dates start at midnight in the calendar's zone. */
    Instant instant(ZoneId calendarZone) {
        return allDay() ? date.atStartOfDay(calendarZone).toInstant() : dateTime;
    }

    LocalDateTime local() {
        return allDay() ? date.atStartOfDay() : LocalDateTime.ofInstant(dateTime, zone);
    }

    static EventTime parse(JsonNode node, String which) {
        if (node == null || !node.isObject()) {
            throw ApiError.required("Missing " + which + " time.");
        }
        String date = text(node, "date");
        String dateTime = text(node, "dateTime");
        String timeZone = text(node, "timeZone");
        ZoneId named = timeZone == null ? null : zone(timeZone, which);
        if (date != null && dateTime != null) {
            throw ApiError.badRequest("Invalid " + which + " time.");
        }
        if (date != null) {
            try {
                return new EventTime(LocalDate.parse(date), null, timeZone, null);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("Invalid " + which + " time.");
            }
        }
        if (dateTime == null) {
            throw ApiError.required("Missing " + which + " time.");
        }
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(dateTime);
            return new EventTime(null, withOffset.toInstant(), timeZone,
                    named != null ? named : withOffset.getOffset());
        } catch (DateTimeParseException noOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(dateTime);
                if (named == null) {
                    throw ApiError.required("Missing time zone definition for " + which + " time.");
                }
                return new EventTime(null, local.atZone(named).toInstant(), timeZone, named);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("Invalid " + which + " time.");
            }
        }
    }

    /** {@code {"date"}} or {@code {"dateTime", "timeZone"?}}, the instant written in {@code renderZone}. */
    ObjectNode render(ZoneId renderZone) {
        ObjectNode node = Json.object();
        if (allDay()) {
            return node.put("date", date.toString());
        }
        node.put("dateTime", Rfc3339.inZone(dateTime, renderZone));
        if (timeZone != null) {
            node.put("timeZone", timeZone);
        }
        return node;
    }

    /** The same kind of time moved to another start (for recurrence instances). */
    EventTime at(LocalDateTime local) {
        if (allDay()) {
            return new EventTime(local.toLocalDate(), null, timeZone, null);
        }
        return new EventTime(null, local.atZone(zone).toInstant(), timeZone, zone);
    }

    private static ZoneId zone(String name, String which) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw ApiError.badRequest("Invalid time zone definition for " + which + " time.");
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
