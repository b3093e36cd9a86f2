package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** events.get, insert, patch, update and delete. Run under the state lock. */
final class EventMethods {

    private static final Set<String> SEND_UPDATES = Set.of("all", "externalOnly", "none");

    private EventMethods() {
    }

    static SandboxResponse get(CallContext call) {
        StoredCalendar calendar = call.calendar();
        String eventId = call.param(1);
        StoredEvent event = calendar.events.get(eventId);
        if (event != null) {
            return ok(EventJson.full(event, call.renderZone(calendar)));
        }
        StoredEvent master = masterOf(calendar, eventId);
        Occurrence instance = master == null ? null : master.instance(eventId);
        if (instance == null) {
            throw ApiError.notFound();
        }
        return ok(master.cancelled() ? EventJson.cancelled(master, instance, call.renderZone(calendar))
                : EventJson.instance(master, instance, call.renderZone(calendar)));
    }

    static SandboxResponse insert(CallContext call) {
        StoredCalendar calendar = call.calendar();
        checkSendUpdates(call.query());
        ObjectNode body = call.body();
        String id = body.has("id") ? EventTime.text(body, "id") : null;
        if (body.has("id") && (id == null || !Ids.EVENT_ID.matcher(id).matches())) {
            throw ApiError.invalid("Invalid resource id value.", null);
        }
        if (id != null && calendar.events.containsKey(id)) {
            // Ids stay taken after deletion: a repeated insert is how idempotent clients detect success.
            throw ApiError.duplicate();
        }
        StoredEvent event = create(call.state(), calendar, id, call.account().email, EventFields.sanitize(body));
        return ok(EventJson.full(event, call.renderZone(calendar)));
    }

    static SandboxResponse patch(CallContext call) {
        StoredCalendar calendar = call.calendar();
        checkSendUpdates(call.query());
        StoredEvent event = writable(call, calendar);
        ObjectNode merged = event.fields.deepCopy();
        merged.put("status", event.status);
        EventFields.merge(merged, EventFields.sanitize(call.body()));
        EventFields.apply(event, merged);
        call.state().touch(event);
        return ok(EventJson.full(event, call.renderZone(calendar)));
    }

    static SandboxResponse update(CallContext call) {
        StoredCalendar calendar = call.calendar();
        checkSendUpdates(call.query());
        StoredEvent event = writable(call, calendar);
        EventFields.apply(event, EventFields.sanitize(call.body()));
        call.state().touch(event);
        return ok(EventJson.full(event, call.renderZone(calendar)));
    }

    static SandboxResponse delete(CallContext call) {
        StoredCalendar calendar = call.calendar();
        checkSendUpdates(call.query());
        StoredEvent event = writable(call, calendar);
        if (event.cancelled()) {
            throw ApiError.deleted();
        }
        cancel(call.state(), event);
        return SandboxResponse.bytes(204, null, new byte[0]);
    }

    // ---- shared with the Java control API ("as the user")

    static StoredEvent create(GoogleState state, StoredCalendar calendar, String id, String creatorEmail,
            ObjectNode fields) {
        String eventId = id;
        while (eventId == null || calendar.events.containsKey(eventId)) {
            eventId = state.ids.eventId();
        }
        Instant stamp = state.stamp();
        StoredEvent event = new StoredEvent(eventId, calendar, creatorEmail, stamp);
        EventFields.apply(event, fields);
        calendar.events.put(eventId, event);
        state.touch(event, stamp);
        return event;
    }

    static void cancel(GoogleState state, StoredEvent event) {
        event.status = "cancelled";
        event.sequence++;
        state.touch(event);
    }

    private static StoredEvent writable(CallContext call, StoredCalendar calendar) {
        String eventId = call.param(1);
        StoredEvent event = calendar.events.get(eventId);
        if (event == null) {
            StoredEvent master = masterOf(calendar, eventId);
            if (master != null && master.instance(eventId) != null) {
                throw ApiError.badRequest("sandbox: changing a single instance of a recurring event is not emulated; "
                        + "change the recurring event " + master.id);
            }
            throw ApiError.notFound();
        }
        call.request().header("If-Match").ifPresent(etag -> {
            if (!etag.equals("*") && !etag.equals(event.etag())) {
                throw ApiError.preconditionFailed();
            }
        });
        return event;
    }

    private static StoredEvent masterOf(StoredCalendar calendar, String eventId) {
        int underscore = eventId.indexOf('_');
        return underscore < 0 ? null : calendar.events.get(eventId.substring(0, underscore));
    }

    private static void checkSendUpdates(QueryParams query) {
        query.get("sendUpdates").ifPresent(value -> {
            if (!SEND_UPDATES.contains(value)) {
                throw ApiError.invalid("Invalid value for: " + value + " is not a valid value", "sendUpdates");
            }
        });
    }

    static SandboxResponse ok(ObjectNode body) {
        return SandboxResponse.bytes(200, ApiError.JSON_UTF8, Json.bytes(body));
    }
}
