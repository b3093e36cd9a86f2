package dev.switchboard.sandbox.google;

import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Validates what a client writes into an event and applies it. */
final class EventFields {

    /** Read-only fields Google ignores when a client sends them. */
    private static final Set<String> SERVER_MANAGED = Set.of("kind", "etag", "id", "htmlLink", "created", "updated",
            "creator", "organizer", "iCalUID", "sequence", "recurringEventId", "originalStartTime", "hangoutLink");
    /** Changes that make Google bump {@code sequence} (they matter to attendees' copies). */
    private static final Set<String> SIGNIFICANT = Set.of("start", "end", "recurrence", "location");
    private static final Set<String> STATUSES = Set.of("confirmed", "tentative", "cancelled");

    private EventFields() {
    }

    static ObjectNode sanitize(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        SERVER_MANAGED.forEach(copy::remove);
        return copy;
    }

    /** Validates {@code fields} completely, then replaces the event's content with them. */
    static void apply(StoredEvent event, ObjectNode fields) {
        EventTime start = EventTime.parse(fields.get("start"), "start");
        EventTime end = EventTime.parse(fields.get("end"), "end");
        if (start.allDay() != end.allDay()) {
            throw ApiError.badRequest("Start and end times must either both be date or both be dateTime.");
        }
        boolean empty = start.allDay() ? !end.date().isAfter(start.date()) : end.dateTime().isBefore(start.dateTime());
        if (empty) {
            throw ApiError.timeRangeEmpty(null);
        }
        Recurrence recurrence = Recurrence.parse(fields.get("recurrence"));
        if (recurrence != null && !start.allDay() && start.timeZone() == null) {
            // Recurrences expand in a named zone; an offset alone does not say how DST moves them.
            throw ApiError.required("Missing time zone definition for start time.");
        }
        String status = fields.has("status") ? EventTime.text(fields, "status") : "confirmed";
        if (status == null || !STATUSES.contains(status)) {
            throw ApiError.invalid("Invalid Value", null);
        }
        checkChoice(fields, "transparency", Set.of("opaque", "transparent"));
        checkChoice(fields, "visibility", Set.of("default", "public", "private", "confidential"));
        normalizeAttendees(fields);
        fields.remove("status");
        if (event.fields != null && significantChange(event.fields, fields)) {
            event.sequence++;
        }
        event.fields = fields;
        event.start = start;
        event.end = end;
        event.recurrence = recurrence;
        event.status = status;
    }

    /** PATCH semantics: given fields replace, objects merge (start and end are replaced whole), null removes. */
    static void merge(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode existing = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject() && !name.equals("start")
                    && !name.equals("end")) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else {
                target.set(name, value.deepCopy());
            }
        });
    }

    private static boolean significantChange(ObjectNode before, ObjectNode after) {
        return SIGNIFICANT.stream().anyMatch(name -> !Objects.equals(before.get(name), after.get(name)));
    }

    private static void checkChoice(ObjectNode fields, String name, Set<String> allowed) {
        if (fields.has(name) && !allowed.contains(EventTime.text(fields, name))) {
            throw ApiError.invalid("Invalid Value", null);
        }
    }

    private static void normalizeAttendees(ObjectNode fields) {
        JsonNode attendees = fields.get("attendees");
        if (attendees == null || attendees.isNull()) {
            return;
        }
        if (!attendees.isArray()) {
            throw ApiError.invalid("Invalid Value", null);
        }
        for (JsonNode attendee : attendees) {
            if (!attendee.isObject() || EventTime.text(attendee, "email") == null) {
                throw ApiError.required("Missing attendee email.");
            }
            if (!attendee.has("responseStatus")) {
                ((ObjectNode) attendee).put("responseStatus", "needsAction");
            }
        }
    }
}
