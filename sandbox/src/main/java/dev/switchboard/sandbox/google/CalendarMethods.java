package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** calendarList.list, calendarList.get and calendars.get. Run under the state lock. */
final class CalendarMethods {

    private CalendarMethods() {
    }

    static SandboxResponse calendarList(CallContext call) {
        ObjectNode body = Json.object().put("kind", "calendar#calendarList").put("etag", "\"p0\"");
        ArrayNode items = body.putArray("items");
        call.account().calendars.values().forEach(calendar -> items.add(listEntry(calendar)));
        return EventMethods.ok(body);
    }

    static SandboxResponse calendarListEntry(CallContext call) {
        return EventMethods.ok(listEntry(call.calendar()));
    }

    static SandboxResponse calendar(CallContext call) {
        StoredCalendar calendar = call.calendar();
        return EventMethods.ok(Json.object().put("kind", "calendar#calendar").put("etag", etag(calendar))
                .put("id", calendar.id).put("summary", calendar.summary).put("timeZone", calendar.zone.getId()));
    }

    private static ObjectNode listEntry(StoredCalendar calendar) {
        ObjectNode entry = Json.object().put("kind", "calendar#calendarListEntry").put("etag", etag(calendar))
                .put("id", calendar.id).put("summary", calendar.summary).put("timeZone", calendar.zone.getId())
                .put("colorId", calendar.primary ? "14" : "7").put("backgroundColor", "#9fe1e7")
                .put("foregroundColor", "#000000").put("selected", true).put("accessRole", "owner");
        ArrayNode reminders = entry.putArray("defaultReminders");
        if (calendar.primary) {
            reminders.add(Json.object().put("method", "popup").put("minutes", 10));
            entry.put("primary", true);
        }
        return entry;
    }

    private static String etag(StoredCalendar calendar) {
        return "\"" + calendar.created.toEpochMilli() * 1000 + "\"";
    }
}
