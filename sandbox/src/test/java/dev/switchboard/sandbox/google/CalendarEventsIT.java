package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** events.insert/get/patch/update/delete, the bearer check, calendars and the request log. */
class CalendarEventsIT extends GoogleITBase {

    /** The insert body of providers.md §4.4, with a client-chosen id. */
    private static final String BOOKING = fixture("/google/events-insert-booking.json");

    private String token;

    static String fixture(String resource) {
        try (java.io.InputStream in = CalendarEventsIT.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + resource, e);
        }
    }

    @BeforeEach
    void connectAnn() {
        token = annToken();
    }

    @Test
    void insertReturnsTheEventWithEverythingGoogleAdds() {
        GoogleHttp.Reply reply = http.post(token, "calendars/primary/events?sendUpdates=all", BOOKING);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode event = reply.json();
        assertThat(event.path("kind").asString()).isEqualTo("calendar#event");
        assertThat(event.path("id").asString()).isEqualTo("booking7q2a");
        assertThat(event.path("status").asString()).isEqualTo("confirmed");
        assertThat(event.path("etag").asString()).startsWith("\"").endsWith("\"");
        assertThat(event.path("htmlLink").asString()).startsWith("https://www.google.com/calendar/event?eid=");
        assertThat(event.path("iCalUID").asString()).isEqualTo("booking7q2a@google.com");
        assertThat(event.path("sequence").asInt()).isZero();
        assertThat(event.path("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(event.path("updated").asString()).isEqualTo(event.path("created").asString());
        assertThat(event.path("creator").path("email").asString()).isEqualTo(ANN);
        assertThat(event.path("organizer").path("email").asString()).isEqualTo(ANN);
        assertThat(event.path("organizer").path("self").asBoolean()).isTrue();
        assertThat(event.path("start").path("dateTime").asString()).as("written in the calendar's zone (UTC)")
                .isEqualTo("2025-03-01T16:00:00Z");
        assertThat(event.path("start").path("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(event.path("attendees").path(0).path("responseStatus").asString()).isEqualTo("needsAction");
        assertThat(event.path("extendedProperties").path("private").path("bookingCode").asString())
                .isEqualTo("7QX2");

        CalendarEvent stored = google.events(ANN, "primary").get(0);
        assertThat(stored.summary()).isEqualTo("Table for 4 — Ann");
        assertThat(stored.start()).isEqualTo(Instant.parse("2025-03-01T16:00:00Z"));
        assertThat(stored.privateProperties()).containsEntry("bookingCode", "7QX2");
    }

    @Test
    void aRepeatedInsertWithTheSameIdIs409AndBadIdsAre400() {
        assertThat(http.post(token, "calendars/primary/events", BOOKING).status()).isEqualTo(200);
        GoogleHttp.Reply again = http.post(token, "calendars/primary/events", BOOKING);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorReason()).isEqualTo("duplicate");
        assertThat(again.json().path("error").path("code").asInt()).isEqualTo(409);
        assertThat(again.json().path("error").path("errors").path(0).path("domain").asString()).isEqualTo("global");

        http.delete(token, "calendars/primary/events/booking7q2a");
        assertThat(http.post(token, "calendars/primary/events", BOOKING).status())
                .as("deleted ids stay taken").isEqualTo(409);

        for (String badId : new String[] {"abcd", "UPPERCASE1", "has-dash1", "wxyz12345"}) {
            GoogleHttp.Reply bad = http.post(token, "calendars/primary/events", BOOKING.replace("booking7q2a", badId));
            assertThat(bad.status()).as(badId).isEqualTo(400);
            assertThat(bad.errorReason()).isEqualTo("invalid");
        }
        assertThat(google.events(ANN, "primary")).hasSize(1);
    }

    @Test
    void insertValidatesTimes() {
        GoogleHttp.Reply noEnd = http.post(token, "calendars/primary/events",
                "{\"start\":{\"dateTime\":\"2025-03-01T10:00:00Z\"}}");
        assertThat(noEnd.status()).isEqualTo(400);
        assertThat(noEnd.errorReason()).isEqualTo("required");

        GoogleHttp.Reply backwards = http.post(token, "calendars/primary/events",
                "{\"start\":{\"dateTime\":\"2025-03-01T10:00:00Z\"},\"end\":{\"dateTime\":\"2025-03-01T09:00:00Z\"}}");
        assertThat(backwards.errorReason()).isEqualTo("timeRangeEmpty");

        GoogleHttp.Reply noZone = http.post(token, "calendars/primary/events",
                "{\"start\":{\"dateTime\":\"2025-03-01T10:00:00\"},\"end\":{\"dateTime\":\"2025-03-01T11:00:00\"}}");
        assertThat(noZone.status()).isEqualTo(400);
        assertThat(noZone.json().path("error").path("message").asString())
                .isEqualTo("Missing time zone definition for start time.");

        GoogleHttp.Reply recurringWithoutZone = http.post(token, "calendars/primary/events",
                "{\"start\":{\"dateTime\":\"2025-03-01T10:00:00Z\"},\"end\":{\"dateTime\":\"2025-03-01T11:00:00Z\"},"
                        + "\"recurrence\":[\"RRULE:FREQ=DAILY;COUNT=3\"]}");
        assertThat(recurringWithoutZone.status()).isEqualTo(400);

        GoogleHttp.Reply parse = http.post(token, "calendars/primary/events", "{not json");
        assertThat(parse.errorReason()).isEqualTo("parseError");

        GoogleHttp.Reply badSendUpdates = http.post(token, "calendars/primary/events?sendUpdates=everyone", BOOKING);
        assertThat(badSendUpdates.status()).isEqualTo(400);
    }

    @Test
    void getPatchUpdateAndDeleteFollowGoogle() {
        JsonNode created = http.post(token, "calendars/primary/events", BOOKING).json();
        String path = "calendars/primary/events/booking7q2a";
        assertThat(http.get(token, path).json().path("summary").asString()).isEqualTo("Table for 4 — Ann");

        google.advanceClock(Duration.ofSeconds(5));
        JsonNode renamed = http.patch(token, path, "{\"summary\": \"Table for 5 — Ann\"}").json();
        assertThat(renamed.path("summary").asString()).isEqualTo("Table for 5 — Ann");
        assertThat(renamed.path("description").asString()).as("patch keeps other fields").isEqualTo("Booking 7QX2");
        assertThat(renamed.path("sequence").asInt()).as("a rename is not significant").isZero();
        assertThat(renamed.path("updated").asString()).isGreaterThan(created.path("updated").asString());
        assertThat(renamed.path("etag").asString()).isNotEqualTo(created.path("etag").asString());

        JsonNode moved = http.patchLikeGoogleClient(token, path,
                "{\"start\":{\"dateTime\":\"2025-03-01T20:00:00+03:00\",\"timeZone\":\"Europe/Moscow\"},"
                        + "\"end\":{\"dateTime\":\"2025-03-01T22:00:00+03:00\",\"timeZone\":\"Europe/Moscow\"}}").json();
        assertThat(moved.path("start").path("dateTime").asString()).isEqualTo("2025-03-01T17:00:00Z");
        assertThat(moved.path("sequence").asInt()).as("moving an event bumps sequence").isEqualTo(1);

        GoogleHttp.Reply stale = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(google.calendarBaseUrl() + path))
                .header("Authorization", "Bearer " + token).header("If-Match", created.path("etag").asString())
                .header("Content-Type", "application/json").method("PATCH",
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"summary\":\"x\"}")));
        assertThat(stale.status()).isEqualTo(412);

        JsonNode replaced = http.put(token, path, "{\"summary\": \"Replaced\","
                + "\"start\":{\"date\":\"2025-03-02\"},\"end\":{\"date\":\"2025-03-03\"}}").json();
        assertThat(replaced.path("description").isMissingNode()).as("PUT replaces everything").isTrue();
        assertThat(replaced.path("start").path("date").asString()).isEqualTo("2025-03-02");

        GoogleHttp.Reply deleted = http.delete(token, path);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(http.get(token, path).json().path("status").asString())
                .as("get still returns deleted events").isEqualTo("cancelled");
        GoogleHttp.Reply again = http.delete(token, path);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.errorReason()).isEqualTo("deleted");
        assertThat(http.get(token, "calendars/primary/events/nosuchevent1").status()).isEqualTo(404);
    }

    @Test
    void everyCalendarCallNeedsAValidBearerToken() {
        GoogleHttp.Reply missing = http.get(null, "calendars/primary/events");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("error").path("errors").path(0).path("reason").asString())
                .isEqualTo("required");
        assertThat(missing.json().path("error").path("errors").path(0).path("location").asString())
                .isEqualTo("Authorization");

        GoogleHttp.Reply invalid = http.get("ya29.not-a-token", "calendars/primary/events");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.errorReason()).isEqualTo("authError");
        assertThat(invalid.json().path("error").path("message").asString())
                .startsWith("Request had invalid authentication credentials.");
        assertThat(invalid.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer ");

        for (String route : new String[] {"calendars/primary/events/x1234", "users/me/calendarList"}) {
            assertThat(http.get(null, route).status()).as(route).isEqualTo(401);
        }
        assertThat(http.post(null, "freeBusy", "{}").status()).isEqualTo(401);
        assertThat(http.post(null, "channels/stop", "{}").status()).isEqualTo(401);
    }

    @Test
    void callsActOnTheTokensAccountOnly() {
        google.account("bob@example.com");
        String bobToken = connect(CALENDAR_EVENTS, false).accessToken();
        http.post(token, "calendars/primary/events", BOOKING);

        assertThat(http.get(bobToken, "calendars/primary/events").json().path("items")).isEmpty();
        assertThat(http.get(bobToken, "calendars/" + GoogleHttp.encode(ANN) + "/events").status())
                .as("another account's calendar").isEqualTo(404);
        assertThat(http.get(token, "calendars/" + GoogleHttp.encode(ANN) + "/events").json().path("items"))
                .hasSize(1);

        assertThat(google.requests()).extracting(Request::account).contains(ANN, "bob@example.com");
        Request last = google.requests().get(google.requests().size() - 1);
        assertThat(last.apiMethod()).isEqualTo("calendar.events.list");
        assertThat(last.authorizationPresent()).isTrue();
        assertThat(last.status()).isEqualTo(200);
    }

    @Test
    void secondaryCalendarsAndTheCalendarList() {
        String token = connect(CALENDAR, false).accessToken();
        String teamCalendar = google.addCalendar(ANN, "Team");
        JsonNode list = http.get(token, "users/me/calendarList").json();
        assertThat(list.path("kind").asString()).isEqualTo("calendar#calendarList");
        assertThat(list.path("items")).hasSize(2);
        assertThat(list.path("items").path(0).path("primary").asBoolean()).isTrue();
        assertThat(list.path("items").path(0).path("id").asString()).isEqualTo(ANN);
        assertThat(list.path("items").path(1).path("id").asString()).isEqualTo(teamCalendar);

        GoogleHttp.Reply inserted = http.post(token, "calendars/" + GoogleHttp.encode(teamCalendar) + "/events",
                "{\"summary\":\"Standup\",\"start\":{\"dateTime\":\"2025-03-03T09:00:00Z\"},"
                        + "\"end\":{\"dateTime\":\"2025-03-03T09:15:00Z\"}}");
        assertThat(inserted.status()).isEqualTo(200);
        assertThat(inserted.json().path("organizer").path("displayName").asString()).isEqualTo("Team");
        assertThat(google.events(ANN, teamCalendar)).hasSize(1);
        assertThat(google.events(ANN, "primary")).isEmpty();
        assertThat(http.get(token, "calendars/primary").json().path("timeZone").asString()).isEqualTo("Z");
    }
}
