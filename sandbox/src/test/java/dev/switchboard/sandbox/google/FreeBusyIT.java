package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** freebusy.query from stored events. */
class FreeBusyIT extends GoogleITBase {

    private String token;

    @BeforeEach
    void connectAnn() {
        token = connect(CALENDAR_EVENTS + " " + Scopes.PREFIX + "calendar.readonly", false).accessToken();
    }

    private JsonNode query(String body) {
        GoogleHttp.Reply reply = http.post(token, "freeBusy", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void busyPeriodsComeFromEventsMergedAndClippedUnknownCalendarsCarryErrors() {
        google.createEventAsUser(ANN, "primary", "a", Instant.parse("2025-03-01T08:00:00Z"),
                Instant.parse("2025-03-01T10:00:00Z"));
        google.createEventAsUser(ANN, "primary", "b", Instant.parse("2025-03-01T09:30:00Z"),
                Instant.parse("2025-03-01T11:00:00Z"));
        google.createEventAsUser(ANN, "primary", "c", Instant.parse("2025-03-01T16:00:00Z"),
                Instant.parse("2025-03-01T17:00:00Z"));
        google.createEventAsUser(ANN, "primary", """
                {"summary": "free", "transparency": "transparent",
                 "start": {"dateTime": "2025-03-01T13:00:00Z"}, "end": {"dateTime": "2025-03-01T14:00:00Z"}}""");
        CalendarEvent cancelled = google.createEventAsUser(ANN, "primary", "d", Instant.parse("2025-03-01T14:00:00Z"),
                Instant.parse("2025-03-01T15:00:00Z"));
        google.deleteEventAsUser(ANN, "primary", cancelled.id());

        JsonNode answer = query("""
                {"timeMin": "2025-03-01T09:00:00Z", "timeMax": "2025-03-01T20:00:00Z",
                 "items": [{"id": "primary"}, {"id": "stranger@example.com"}]}""");
        assertThat(answer.path("kind").asString()).isEqualTo("calendar#freeBusy");
        assertThat(answer.path("timeMin").asString()).isEqualTo("2025-03-01T09:00:00.000Z");
        JsonNode busy = answer.path("calendars").path("primary").path("busy");
        assertThat(busy).extracting(period -> period.path("start").asString() + "/" + period.path("end").asString())
                .containsExactly("2025-03-01T09:00:00Z/2025-03-01T11:00:00Z", "2025-03-01T16:00:00Z/2025-03-01T17:00:00Z");
        JsonNode stranger = answer.path("calendars").path("stranger@example.com");
        assertThat(stranger.path("errors").path(0).path("reason").asString()).isEqualTo("notFound");
        assertThat(stranger.path("busy")).isEmpty();
    }

    @Test
    void recurrencesAreExpandedAndTimeZoneShapesTheAnswer() {
        google.createEventAsUser(ANN, "primary", """
                {"summary": "standup", "start": {"dateTime": "2025-03-03T09:00:00Z", "timeZone": "UTC"},
                 "end": {"dateTime": "2025-03-03T09:30:00Z", "timeZone": "UTC"},
                 "recurrence": ["RRULE:FREQ=DAILY"]}""");
        JsonNode answer = query("""
                {"timeMin": "2025-03-05T00:00:00Z", "timeMax": "2025-03-07T00:00:00Z", "timeZone": "Europe/Moscow",
                 "items": [{"id": "ann@example.com"}]}""");
        assertThat(answer.path("calendars").path(ANN).path("busy"))
                .extracting(period -> period.path("start").asString())
                .containsExactly("2025-03-05T12:00:00+03:00", "2025-03-06T12:00:00+03:00");
    }

    @Test
    void validationAndScopes() {
        assertThat(http.post(token, "freeBusy", "{\"timeMin\": \"2025-03-01T00:00:00Z\", \"items\": []}").status())
                .isEqualTo(400);
        GoogleHttp.Reply empty = http.post(token, "freeBusy",
                "{\"timeMin\": \"2025-03-02T00:00:00Z\", \"timeMax\": \"2025-03-01T00:00:00Z\", \"items\": []}");
        assertThat(empty.errorReason()).isEqualTo("timeRangeEmpty");

        String eventsOnly = connect(CALENDAR_EVENTS, false).accessToken();
        GoogleHttp.Reply denied = http.post(eventsOnly, "freeBusy",
                "{\"timeMin\": \"2025-03-01T00:00:00Z\", \"timeMax\": \"2025-03-02T00:00:00Z\", \"items\": []}");
        assertThat(denied.status()).as("freebusy.query does not accept calendar.events").isEqualTo(403);
        assertThat(denied.errorReason()).isEqualTo("insufficientPermissions");
    }
}
