package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.SandboxRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One authenticated Calendar call: who makes it, its path parameters, query and body. */
record CallContext(GoogleState state, Account account, SandboxRequest request, QueryParams query,
        List<String> pathParams) {

    String param(int index) {
        return pathParams.get(index);
    }

    /** The calendar named by the first path parameter ({@code primary} or an own id), else 404. */
    StoredCalendar calendar() {
        StoredCalendar calendar = account.calendar(param(0));
        if (calendar == null) {
            throw ApiError.notFound();
        }
        return calendar;
    }

    /** The JSON object body; an empty (or blank) body is an empty object. */
    ObjectNode body() {
        String text = new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Json.object();
        }
        try {
            JsonNode node = Json.parse(text);
            if (!node.isObject()) {
                throw ApiError.parseError();
            }
            return (ObjectNode) node;
        } catch (MalformedRequestException e) {
            throw ApiError.parseError();
        }
    }

    /** The {@code timeZone} query parameter if valid, else the calendar's zone. */
    ZoneId renderZone(StoredCalendar calendar) {
        return query.get("timeZone").map(name -> {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                throw ApiError.invalid("Invalid time zone definition.", "timeZone");
            }
        }).orElse(calendar.zone);
    }
}
