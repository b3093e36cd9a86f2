package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** events.list: time window, recurrence expansion, ordering, paging and filters. */
class CalendarListIT extends GoogleITBase {

    private String token;

    @BeforeEach
    void connectAnn() {
        token = annToken();
    }

    private void event(String summary, String start, String end) {
        google.createEventAsUser(ANN, "primary", summary, Instant.parse(start), Instant.parse(end));
    }

    private JsonNode list(String query) {
        GoogleHttp.Reply reply = http.get(token, "calendars/primary/events" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> summaries(JsonNode list) {
        List<String> summaries = new ArrayList<>();
        list.path("items").forEach(item -> summaries.add(item.path("summary").asString()));
        return summaries;
    }

    private static String q(String name, String value) {
        return name + "=" + GoogleHttp.encode(value);
    }

    @Test
    void timeMinBoundsTheEndAndTimeMaxTheStartBothExclusively() {
        event("before", "2025-03-01T08:00:00Z", "2025-03-01T09:00:00Z");
        event("touching-min", "2025-03-01T09:00:00Z", "2025-03-01T10:00:00Z");
        event("straddling-min", "2025-03-01T09:30:00Z", "2025-03-01T10:30:00Z");
        event("inside", "2025-03-01T11:00:00Z", "2025-03-01T12:00:00Z");
        event("straddling-max", "2025-03-01T11:30:00Z", "2025-03-01T13:00:00Z");
        event("touching-max", "2025-03-01T12:00:00Z", "2025-03-01T13:00:00Z");
        String window = "?" + q("timeMin", "2025-03-01T10:00:00Z") + "&" + q("timeMax", "2025-03-01T12:00:00Z");
        assertThat(summaries(list(window))).containsExactly("straddling-min", "inside", "straddling-max");

        String withOffsets = "?" + q("timeMin", "2025-03-01T13:00:00+03:00") + "&"
                + q("timeMax", "2025-03-01T15:00:00+03:00");
        assertThat(summaries(list(withOffsets))).containsExactly("straddling-min", "inside", "straddling-max");
    }

    @Test
    void badTimeRangesAre400() {
        GoogleHttp.Reply empty = http.get(token, "calendars/primary/events?" + q("timeMin", "2025-03-01T10:00:00Z")
                + "&" + q("timeMax", "2025-03-01T10:00:00Z"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorReason()).isEqualTo("timeRangeEmpty");
        assertThat(empty.json().path("error").path("errors").path(0).path("domain").asString()).isEqualTo("calendar");

        GoogleHttp.Reply noOffset = http.get(token, "calendars/primary/events?" + q("timeMin", "2025-03-01T10:00:00"));
        assertThat(noOffset.status()).isEqualTo(400);
    }

    @Test
    void allDayEventsUseTheCalendarsTimeZone() {
        google.account(ANN, java.time.ZoneId.of("Europe/Moscow"));
        google.createEventAsUser(ANN, "primary",
                "{\"summary\":\"holiday\",\"start\":{\"date\":\"2025-03-08\"},\"end\":{\"date\":\"2025-03-09\"}}");
        // In UTC the day runs 2025-03-07T21:00Z .. 2025-03-08T21:00Z.
        assertThat(summaries(list("?" + q("timeMin", "2025-03-08T20:59:00Z")))).containsExactly("holiday");
        assertThat(summaries(list("?" + q("timeMin", "2025-03-08T21:00:00Z")))).isEmpty();
        assertThat(list("").path("items").path(0).path("start").path("date").asString()).isEqualTo("2025-03-08");
    }

    @Test
    void singleEventsExpandsDailyAndWeeklyRecurrences() {
        google.createEventAsUser(ANN, "primary", """
                {"id": "standup01", "summary": "standup",
                 "start": {"dateTime": "2025-03-03T09:00:00+01:00", "timeZone": "Europe/Berlin"},
                 "end": {"dateTime": "2025-03-03T09:15:00+01:00", "timeZone": "Europe/Berlin"},
                 "recurrence": ["RRULE:FREQ=DAILY;COUNT=3"]}""");
        google.createEventAsUser(ANN, "primary", """
                {"id": "meeting01", "summary": "review",
                 "start": {"dateTime": "2025-03-03T15:00:00Z", "timeZone": "UTC"},
                 "end": {"dateTime": "2025-03-03T16:00:00Z", "timeZone": "UTC"},
                 "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20250313T235959Z"]}""");

        JsonNode masters = list("");
        assertThat(masters.path("items")).hasSize(2);
        assertThat(masters.path("items").path(0).path("recurrence").path(0).asString())
                .isEqualTo("RRULE:FREQ=DAILY;COUNT=3");

        JsonNode expanded = list("?singleEvents=true&orderBy=startTime");
        List<String> starts = new ArrayList<>();
        expanded.path("items").forEach(item -> starts.add(item.path("id").asString() + " "
                + item.path("start").path("dateTime").asString()));
        assertThat(starts).containsExactly(
                "standup01_20250303T080000Z 2025-03-03T08:00:00Z",
                "meeting01_20250303T150000Z 2025-03-03T15:00:00Z",
                "standup01_20250304T080000Z 2025-03-04T08:00:00Z",
                "standup01_20250305T080000Z 2025-03-05T08:00:00Z",
                "meeting01_20250306T150000Z 2025-03-06T15:00:00Z",
                "meeting01_20250310T150000Z 2025-03-10T15:00:00Z",
                "meeting01_20250313T150000Z 2025-03-13T15:00:00Z");
        JsonNode instance = expanded.path("items").path(0);
        assertThat(instance.path("recurringEventId").asString()).isEqualTo("standup01");
        assertThat(instance.path("originalStartTime").path("dateTime").asString()).isEqualTo("2025-03-03T08:00:00Z");
        assertThat(instance.has("recurrence")).isFalse();
        assertThat(instance.path("iCalUID").asString()).isEqualTo("standup01@google.com");

        JsonNode windowed = list("?singleEvents=true&" + q("timeMin", "2025-03-06T00:00:00Z") + "&"
                + q("timeMax", "2025-03-11T00:00:00Z"));
        assertThat(windowed.path("items")).extracting(item -> item.path("id").asString())
                .containsExactly("meeting01_20250306T150000Z", "meeting01_20250310T150000Z");
        assertThat(summaries(list("?" + q("timeMin", "2025-03-06T00:00:00Z"))))
                .as("without singleEvents a recurring event is listed once if any instance overlaps")
                .containsExactly("review");

        assertThat(http.get(token, "calendars/primary/events/standup01_20250304T080000Z").json()
                .path("start").path("dateTime").asString()).isEqualTo("2025-03-04T08:00:00Z");
        assertThat(http.get(token, "calendars/primary/events/standup01_20250306T080000Z").status()).isEqualTo(404);
    }

    @Test
    void orderByStartTimeNeedsSingleEvents() {
        GoogleHttp.Reply reply = http.get(token, "calendars/primary/events?orderBy=startTime");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asString())
                .isEqualTo("The requested ordering is not available for the particular query.");
        assertThat(http.get(token, "calendars/primary/events?orderBy=updated").status()).isEqualTo(200);
        assertThat(http.get(token, "calendars/primary/events?orderBy=random").status()).isEqualTo(400);
    }

    @Test
    void pagesCarryNextPageTokenAndOnlyTheLastPageASyncToken() {
        for (int i = 0; i < 5; i++) {
            event("e" + i, "2025-03-0" + (i + 1) + "T10:00:00Z", "2025-03-0" + (i + 1) + "T11:00:00Z");
        }
        List<String> seen = new ArrayList<>();
        String pageToken = null;
        int pages = 0;
        JsonNode page;
        do {
            page = list("?maxResults=2&singleEvents=true&orderBy=startTime"
                    + (pageToken == null ? "" : "&" + q("pageToken", pageToken)));
            pages++;
            seen.addAll(summaries(page));
            pageToken = page.path("nextPageToken").asString(null);
            if (pageToken != null) {
                assertThat(page.has("nextSyncToken")).isFalse();
            }
        } while (pageToken != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(page.path("nextSyncToken").asString()).isNotEmpty();
        assertThat(page.path("kind").asString()).isEqualTo("calendar#events");
        assertThat(page.path("accessRole").asString()).isEqualTo("owner");

        assertThat(http.get(token, "calendars/primary/events?maxResults=0").status()).isEqualTo(400);
        assertThat(http.get(token, "calendars/primary/events?pageToken=bogus").status()).isEqualTo(400);
    }

    @Test
    void deletedEventsOnlyWithShowDeletedOrUpdatedMin() {
        event("kept", "2025-03-01T10:00:00Z", "2025-03-01T11:00:00Z");
        CalendarEvent gone = google.createEventAsUser(ANN, "primary", "gone", Instant.parse("2025-03-02T10:00:00Z"),
                Instant.parse("2025-03-02T11:00:00Z"));
        google.deleteEventAsUser(ANN, "primary", gone.id());
        assertThat(summaries(list(""))).containsExactly("kept");

        JsonNode withDeleted = list("?showDeleted=true");
        assertThat(withDeleted.path("items")).hasSize(2);
        JsonNode cancelled = withDeleted.path("items").path(1);
        assertThat(cancelled.path("id").asString()).isEqualTo(gone.id());
        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");

        String updatedMin = google.event(ANN, "primary", gone.id()).orElseThrow().updated().toString();
        JsonNode since = list("?" + q("updatedMin", updatedMin));
        assertThat(since.path("items")).extracting(item -> item.path("status").asString()).containsExactly("cancelled");
    }

    @Test
    void qAndExtendedPropertyFilters() {
        google.createEventAsUser(ANN, "primary", """
                {"summary": "Table for 4", "description": "Booking 7QX2",
                 "start": {"dateTime": "2025-03-01T19:00:00Z"}, "end": {"dateTime": "2025-03-01T21:00:00Z"},
                 "extendedProperties": {"private": {"bookingCode": "7QX2", "tenant": "t1"}}}""");
        google.createEventAsUser(ANN, "primary", """
                {"summary": "Dentist", "start": {"dateTime": "2025-03-02T09:00:00Z"},
                 "end": {"dateTime": "2025-03-02T10:00:00Z"},
                 "extendedProperties": {"private": {"tenant": "t1"}}}""");
        assertThat(summaries(list("?q=booking+7qx2"))).containsExactly("Table for 4");
        assertThat(summaries(list("?" + q("privateExtendedProperty", "tenant=t1")))).hasSize(2);
        assertThat(summaries(list("?" + q("privateExtendedProperty", "tenant=t1") + "&"
                + q("privateExtendedProperty", "bookingCode=7QX2")))).containsExactly("Table for 4");
        assertThat(summaries(list("?" + q("iCalUID", google.events(ANN, "primary").get(1).id() + "@google.com"))))
                .containsExactly("Dentist");
    }
}
