package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * events.list and events.instances: time window, recurrence expansion, ordering, filters,
 * paging and incremental sync. Runs under the state lock.
 */
final class EventsList {

    static final int DEFAULT_MAX_RESULTS = 250;
    static final int MAX_RESULTS = 2500;
    /** Parameters Google refuses next to syncToken: they would make the incremental view inconsistent. */
    static final List<String> FORBIDDEN_WITH_SYNC_TOKEN = List.of("iCalUID", "orderBy", "privateExtendedProperty",
            "q", "sharedExtendedProperty", "timeMin", "timeMax", "updatedMin");

    /** A listed item with what ordering needs. */
    private record Item(ObjectNode json, Instant start, Instant updated, String id) {
    }

    private EventsList() {
    }

    static SandboxResponse list(CallContext call) {
        StoredCalendar calendar = call.calendar();
        QueryParams query = call.query();
        int maxResults = maxResults(query);
        ZoneId zone = call.renderZone(calendar);
        GoogleState state = call.state();
        if (query.has("pageToken")) {
            return nextPage(call, calendar, maxResults, zone);
        }
        boolean singleEvents = query.flag("singleEvents", false);
        List<ObjectNode> items = query.has("syncToken")
                ? incremental(call, calendar, singleEvents, zone)
                : full(call, calendar, singleEvents, zone);
        SyncTokens.SyncPoint point = new SyncTokens.SyncPoint(call.account().email, calendar.id, state.changeSeq(),
                call.account().syncGeneration);
        return page(state, calendar, items, point, maxResults, zone);
    }

    static SandboxResponse instances(CallContext call) {
        StoredCalendar calendar = call.calendar();
        QueryParams query = call.query();
        int maxResults = maxResults(query);
        ZoneId zone = call.renderZone(calendar);
        if (query.has("pageToken")) {
            return nextPage(call, calendar, maxResults, zone);
        }
        StoredEvent event = calendar.events.get(call.param(1));
        if (event == null) {
            throw ApiError.notFound();
        }
        Instant timeMin = time(query, "timeMin");
        Instant timeMax = time(query, "timeMax");
        checkRange(timeMin, timeMax);
        List<ObjectNode> items = new ArrayList<>();
        if (!event.cancelled() || query.flag("showDeleted", false)) {
            for (Occurrence occurrence : event.occurrences(timeMax)) {
                if (occurrence.overlaps(timeMin, timeMax, calendar.zone)) {
                    items.add(event.cancelled() ? EventJson.cancelled(event, occurrence, zone)
                            : EventJson.instance(event, occurrence, zone));
                }
            }
        }
        return page(call.state(), calendar, items, null, maxResults, zone);
    }

    // ---- full and incremental lists

    private static List<ObjectNode> full(CallContext call, StoredCalendar calendar, boolean singleEvents,
            ZoneId zone) {
        QueryParams query = call.query();
        String orderBy = query.get("orderBy").orElse(null);
        if (orderBy != null && !orderBy.equals("startTime") && !orderBy.equals("updated")) {
            throw ApiError.invalid("Invalid value for: " + orderBy + " is not a valid value", "orderBy");
        }
        if ("startTime".equals(orderBy) && !singleEvents) {
            throw ApiError.badRequest("The requested ordering is not available for the particular query.");
        }
        Instant timeMin = time(query, "timeMin");
        Instant timeMax = time(query, "timeMax");
        Instant updatedMin = time(query, "updatedMin");
        checkRange(timeMin, timeMax);
        EventFilter filter = EventFilter.from(query);
        boolean showDeleted = query.flag("showDeleted", false) || updatedMin != null;
        List<Item> items = new ArrayList<>();
        for (StoredEvent event : calendar.events.values()) {
            if (!filter.matches(event) || event.cancelled() && !showDeleted
                    || updatedMin != null && event.updated.isBefore(updatedMin)) {
                continue;
            }
            List<Occurrence> occurrences = event.occurrences(timeMax).stream()
                    .filter(occurrence -> occurrence.overlaps(timeMin, timeMax, calendar.zone)).toList();
            if (singleEvents) {
                occurrences.forEach(occurrence -> items.add(item(event, occurrence, zone)));
            } else if (!occurrences.isEmpty()) {
                items.add(item(event, null, zone));
            }
        }
        if (orderBy != null) {
            items.sort(orderBy.equals("startTime")
                    ? Comparator.comparing(Item::start).thenComparing(Item::id)
                    : Comparator.comparing(Item::updated).thenComparing(Item::id));
        }
        return items.stream().map(Item::json).toList();
    }

    private static List<ObjectNode> incremental(CallContext call, StoredCalendar calendar, boolean singleEvents,
            ZoneId zone) {
        for (String forbidden : FORBIDDEN_WITH_SYNC_TOKEN) {
            if (call.query().has(forbidden)) {
                throw ApiError.invalid("The parameter '" + forbidden + "' cannot be used together with 'syncToken'.",
                        forbidden);
            }
        }
        String token = call.query().get("syncToken").orElse("");
        SyncTokens.SyncPoint point = call.state().syncTokens.find(token);
        if (point == null || !point.accountEmail().equals(call.account().email)
                || !point.calendarId().equals(calendar.id)) {
            throw ApiError.invalid("Invalid sync token value.", "syncToken");
        }
        if (point.generation() != call.account().syncGeneration) {
            throw ApiError.fullSyncRequired();
        }
        List<StoredEvent> changed = calendar.events.values().stream()
                .filter(event -> event.changeSeq > point.changeSeq())
                .sorted(Comparator.comparingLong(event -> event.changeSeq)).toList();
        List<ObjectNode> items = new ArrayList<>();
        for (StoredEvent event : changed) {
            if (singleEvents && event.recurring() && !event.cancelled()) {
                event.occurrences(null).forEach(occurrence -> items.add(EventJson.instance(event, occurrence, zone)));
            } else {
                items.add(item(event, null, zone).json());
            }
        }
        return items;
    }

    private static Item item(StoredEvent event, Occurrence occurrence, ZoneId zone) {
        Occurrence shown = occurrence != null ? occurrence : event.occurrences(null).stream().findFirst()
                .orElse(new Occurrence(event.id, event.start, event.end, null));
        ObjectNode json = event.cancelled() ? EventJson.cancelled(event, occurrence, zone)
                : occurrence != null ? EventJson.instance(event, occurrence, zone) : EventJson.full(event, zone);
        return new Item(json, shown.startInstant(event.calendar.zone), event.updated, shown.id());
    }

    // ---- paging

    private static SandboxResponse nextPage(CallContext call, StoredCalendar calendar, int maxResults, ZoneId zone) {
        PageCursors.Cursor cursor = call.state().pageCursors.find(call.query().get("pageToken").orElse(""));
        if (cursor == null || !cursor.calendarKey().equals(key(calendar))) {
            throw ApiError.invalid("Invalid page token value.", "pageToken");
        }
        return page(call.state(), calendar, cursor.remaining(), cursor.syncPoint(), maxResults, zone);
    }

    /** A page of {@code items}; {@code nextSyncToken} only on the last page, and only for events.list. */
    private static SandboxResponse page(GoogleState state, StoredCalendar calendar, List<ObjectNode> items,
            SyncTokens.SyncPoint point, int maxResults, ZoneId zone) {
        ObjectNode body = Json.object().put("kind", "calendar#events")
                .put("etag", "\"p" + (calendar.lastModified().toEpochMilli() * 1000 + calendar.lastChange() % 1000)
                        + "\"")
                .put("summary", calendar.summary)
                .put("updated", Rfc3339.millisUtc(calendar.lastModified()))
                .put("timeZone", calendar.zone.getId())
                .put("accessRole", "owner");
        ArrayNode reminders = body.putArray("defaultReminders");
        if (calendar.primary) {
            reminders.add(Json.object().put("method", "popup").put("minutes", 10));
        }
        if (items.size() > maxResults) {
            List<ObjectNode> rest = List.copyOf(items.subList(maxResults, items.size()));
            body.put("nextPageToken", state.pageCursors.open(state.ids,
                    new PageCursors.Cursor(key(calendar), rest, point)));
        } else if (point != null) {
            body.put("nextSyncToken", state.syncTokens.issue(state.ids, point));
        }
        ArrayNode array = body.putArray("items");
        items.stream().limit(maxResults).forEach(item -> array.add(item.deepCopy()));
        return EventMethods.ok(body);
    }

    private static String key(StoredCalendar calendar) {
        return calendar.ownerEmail + " " + calendar.id;
    }

    // ---- parameters

    static int maxResults(QueryParams query) {
        String text = query.get("maxResults").orElse(null);
        if (text == null) {
            return DEFAULT_MAX_RESULTS;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1) {
                throw ApiError.invalid("Invalid value '" + text + "'. Values must be within the range: [1, 2500]",
                        "maxResults");
            }
            return Math.min(value, MAX_RESULTS);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Invalid value '" + text + "'. Values must match the following regular "
                    + "expression: '-?\\d+'", "maxResults");
        }
    }

    static Instant time(QueryParams query, String name) {
        String text = query.get(name).orElse(null);
        if (text == null) {
            return null;
        }
        return Rfc3339.parse(text).orElseThrow(() -> ApiError.badRequest("Bad Request"));
    }

    static void checkRange(Instant timeMin, Instant timeMax) {
        if (timeMin != null && timeMax != null && !timeMax.isAfter(timeMin)) {
            throw ApiError.timeRangeEmpty("timeMax");
        }
    }

    /** The q, iCalUID and extended-property filters of events.list. */
    private record EventFilter(String[] terms, String iCalUid, List<String> privateProperties,
            List<String> sharedProperties) {

        static EventFilter from(QueryParams query) {
            String q = query.get("q").orElse("").trim().toLowerCase(Locale.ROOT);
            List<String> privateProperties = query.all("privateExtendedProperty");
            List<String> sharedProperties = query.all("sharedExtendedProperty");
            for (String property : concat(privateProperties, sharedProperties)) {
                if (property.indexOf('=') <= 0) {
                    throw ApiError.invalid("Invalid extended property filter: " + property,
                            "privateExtendedProperty");
                }
            }
            return new EventFilter(q.isEmpty() ? new String[0] : q.split("\\s+"), query.get("iCalUID").orElse(null),
                    privateProperties, sharedProperties);
        }

        boolean matches(StoredEvent event) {
            if (iCalUid != null && !iCalUid.equals(event.iCalUid())) {
                return false;
            }
            if (!hasProperties(event, "private", privateProperties) || !hasProperties(event, "shared",
                    sharedProperties)) {
                return false;
            }
            String text = searchableText(event);
            for (String term : terms) {
                if (!text.contains(term)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean hasProperties(StoredEvent event, String visibility, List<String> wanted) {
            JsonNode properties = event.fields.path("extendedProperties").path(visibility);
            for (String pair : wanted) {
                int equals = pair.indexOf('=');
                JsonNode value = properties.get(pair.substring(0, equals));
                if (value == null || !pair.substring(equals + 1).equals(Json.text(value))) {
                    return false;
                }
            }
            return true;
        }

        private static String searchableText(StoredEvent event) {
            StringBuilder text = new StringBuilder();
            for (String field : List.of("summary", "description", "location")) {
                text.append(' ').append(EventTime.text(event.fields, field));
            }
            for (JsonNode attendee : event.fields.path("attendees")) {
                text.append(' ').append(EventTime.text(attendee, "email")).append(' ')
                        .append(EventTime.text(attendee, "displayName"));
            }
            return text.append(' ').append(event.calendar.id).toString().toLowerCase(Locale.ROOT);
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
