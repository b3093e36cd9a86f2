package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * freebusy.query from stored events: confirmed or tentative, not transparent, recurrences
 * expanded; busy periods clipped to the window and merged. Unknown calendars get per-calendar
 * {@code errors} and do not fail the request. Runs under the state lock.
 */
final class FreeBusyMethod {

    private record Period(Instant start, Instant end) {
    }

    private FreeBusyMethod() {
    }

    static SandboxResponse query(CallContext call) {
        ObjectNode body = call.body();
        Instant timeMin = bound(body, "timeMin");
        Instant timeMax = bound(body, "timeMax");
        EventsList.checkRange(timeMin, timeMax);
        ZoneId zone = zone(body);
        ObjectNode calendars = Json.object();
        for (JsonNode item : body.path("items")) {
            String id = EventTime.text(item, "id");
            if (id == null) {
                throw ApiError.required("Required");
            }
            StoredCalendar calendar = call.account().calendar(id);
            ObjectNode entry = Json.object();
            if (calendar == null) {
                entry.set("errors", Json.array().add(Json.object().put("domain", "global").put("reason", "notFound")));
                entry.set("busy", Json.array());
            } else {
                ArrayNode busy = entry.putArray("busy");
                for (Period period : busy(calendar, timeMin, timeMax)) {
                    busy.add(Json.object().put("start", Rfc3339.inZone(period.start(), zone))
                            .put("end", Rfc3339.inZone(period.end(), zone)));
                }
            }
            calendars.set(id, entry);
        }
        ObjectNode answer = Json.object().put("kind", "calendar#freeBusy")
                .put("timeMin", Rfc3339.millisUtc(timeMin)).put("timeMax", Rfc3339.millisUtc(timeMax));
        answer.set("groups", Json.object());
        answer.set("calendars", calendars);
        return EventMethods.ok(answer);
    }

    private static List<Period> busy(StoredCalendar calendar, Instant timeMin, Instant timeMax) {
        List<Period> periods = new ArrayList<>();
        for (StoredEvent event : calendar.events.values()) {
            if (event.cancelled() || "transparent".equals(EventTime.text(event.fields, "transparency"))) {
                continue;
            }
            for (Occurrence occurrence : event.occurrences(timeMax)) {
                if (occurrence.overlaps(timeMin, timeMax, calendar.zone)) {
                    Instant start = max(occurrence.startInstant(calendar.zone), timeMin);
                    Instant end = min(occurrence.endInstant(calendar.zone), timeMax);
                    periods.add(new Period(start, end));
                }
            }
        }
        periods.sort(Comparator.comparing(Period::start));
        List<Period> merged = new ArrayList<>();
        for (Period period : periods) {
            Period last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !period.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Period(last.start(), max(last.end(), period.end())));
            } else {
                merged.add(period);
            }
        }
        return merged;
    }

    private static Instant bound(ObjectNode body, String name) {
        String text = EventTime.text(body, name);
        if (text == null) {
            throw ApiError.required("Missing " + name + " parameter.");
        }
        return Rfc3339.parse(text).orElseThrow(() -> ApiError.badRequest("Bad Request"));
    }

    private static ZoneId zone(ObjectNode body) {
        String name = EventTime.text(body, "timeZone");
        if (name == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw ApiError.invalid("Invalid time zone definition.", "timeZone");
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
