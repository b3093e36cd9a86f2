package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders stored events as Calendar API {@code Event} resources. */
final class EventJson {

    /** Fields the emulator writes itself (or normalises) on top of the client's. */
    private static final Set<String> RENDERED = Set.of("start", "end", "recurrence", "reminders", "status");

    private EventJson() {
    }

    /** The event as events.get/insert/patch/update return it (recurring events with {@code recurrence}). */
    static ObjectNode full(StoredEvent event, ZoneId renderZone) {
        ObjectNode node = head(event, event.id);
        copyClientFields(event, node);
        people(event, node);
        node.set("start", event.start.render(renderZone));
        node.set("end", event.end.render(renderZone));
        if (event.recurrence != null) {
            node.set("recurrence", event.fields.get("recurrence").deepCopy());
        }
        tail(event, node);
        return node;
    }

    /** One instance of a recurring event, as singleEvents=true lists return it. */
    static ObjectNode instance(StoredEvent event, Occurrence occurrence, ZoneId renderZone) {
        if (!occurrence.isInstance()) {
            return full(event, renderZone);
        }
        ObjectNode node = head(event, occurrence.id());
        copyClientFields(event, node);
        people(event, node);
        node.set("start", occurrence.start().render(renderZone));
        node.set("end", occurrence.end().render(renderZone));
        node.put("recurringEventId", event.id);
        node.set("originalStartTime", occurrence.originalStart().render(renderZone));
        tail(event, node);
        return node;
    }

    /** A deleted event in a list: Google only guarantees the id. */
    static ObjectNode cancelled(StoredEvent event, Occurrence occurrence, ZoneId renderZone) {
        ObjectNode node = Json.object().put("kind", "calendar#event").put("etag", event.etag())
                .put("id", occurrence == null ? event.id : occurrence.id()).put("status", "cancelled");
        if (occurrence != null && occurrence.isInstance()) {
            node.put("recurringEventId", event.id);
            node.set("originalStartTime", occurrence.originalStart().render(renderZone));
        }
        return node;
    }

    static CalendarEvent toPublic(StoredEvent event) {
        ZoneId zone = event.calendar.zone;
        List<String> recurrence = new ArrayList<>();
        JsonNode lines = event.fields.get("recurrence");
        if (event.recurrence != null && lines != null) {
            lines.forEach(line -> recurrence.add(line.asString()));
        }
        return new CalendarEvent(event.id, event.calendar.id, event.status, EventTime.text(event.fields, "summary"),
                EventTime.text(event.fields, "description"), event.start.instant(zone), event.end.instant(zone),
                event.start.allDay(), recurrence, properties(event, "private"), properties(event, "shared"),
                event.sequence, event.etag(), event.created, event.updated, Json.write(full(event, zone)));
    }

    static Map<String, String> properties(StoredEvent event, String visibility) {
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode node = event.fields.path("extendedProperties").path(visibility);
        if (node.isObject()) {
            node.properties().forEach(entry -> properties.put(entry.getKey(), Json.text(entry.getValue())));
        }
        return properties;
    }

    private static ObjectNode head(StoredEvent event, String id) {
        return Json.object().put("kind", "calendar#event").put("etag", event.etag()).put("id", id)
                .put("status", event.status).put("htmlLink", event.htmlLink())
                .put("created", Rfc3339.millisUtc(event.created)).put("updated", Rfc3339.millisUtc(event.updated));
    }

    private static void copyClientFields(StoredEvent event, ObjectNode node) {
        event.fields.properties().forEach(entry -> {
            if (!RENDERED.contains(entry.getKey())) {
                node.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
    }

    private static void people(StoredEvent event, ObjectNode node) {
        node.set("creator", Json.object().put("email", event.creatorEmail).put("self", true));
        ObjectNode organizer = Json.object().put("email", event.calendar.id);
        if (!event.calendar.primary) {
            organizer.put("displayName", event.calendar.summary);
        }
        node.set("organizer", organizer.put("self", true));
    }

    private static void tail(StoredEvent event, ObjectNode node) {
        node.put("iCalUID", event.iCalUid()).put("sequence", event.sequence);
        JsonNode reminders = event.fields.get("reminders");
        node.set("reminders", reminders != null ? reminders.deepCopy() : Json.object().put("useDefault", true));
        if (!node.has("eventType")) {
            node.put("eventType", "default");
        }
    }
}
