package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Incremental sync: sync tokens, cancelled events, the forbidden parameters and 410. */
class CalendarSyncIT extends GoogleITBase {

    private String token;

    @BeforeEach
    void connectAnn() {
        token = annToken();
    }

    private CalendarEvent event(String summary, int day) {
        return google.createEventAsUser(ANN, "primary", summary, Instant.parse("2025-03-0" + day + "T10:00:00Z"),
                Instant.parse("2025-03-0" + day + "T11:00:00Z"));
    }

    private GoogleHttp.Reply list(String query) {
        return http.get(token, "calendars/primary/events" + query);
    }

    private static String sync(String syncToken) {
        return "syncToken=" + GoogleHttp.encode(syncToken);
    }

    /** A full sync through every page; returns the sync token of the last one. */
    private String fullSync(List<String> ids, String query) {
        String pageToken = null;
        JsonNode page;
        do {
            page = list("?maxResults=2" + query + (pageToken == null ? "" : "&pageToken=" + GoogleHttp.encode(pageToken)))
                    .json();
            page.path("items").forEach(item -> ids.add(item.path("id").asString()));
            pageToken = page.path("nextPageToken").asString(null);
        } while (pageToken != null);
        return page.path("nextSyncToken").asString();
    }

    @Test
    void incrementalListsReturnChangesIncludingCancelledEvents() {
        CalendarEvent kept = event("kept", 1);
        CalendarEvent moved = event("moved", 2);
        CalendarEvent deleted = event("deleted", 3);
        List<String> ids = new ArrayList<>();
        String syncToken = fullSync(ids, "");
        assertThat(ids).containsExactly(kept.id(), moved.id(), deleted.id());

        JsonNode nothing = list("?" + sync(syncToken)).json();
        assertThat(nothing.path("items")).isEmpty();
        syncToken = nothing.path("nextSyncToken").asString();

        google.updateEventAsUser(ANN, "primary", moved.id(), "moved", Instant.parse("2025-03-02T12:00:00Z"),
                Instant.parse("2025-03-02T13:00:00Z"));
        google.deleteEventAsUser(ANN, "primary", deleted.id());
        CalendarEvent added = event("added", 4);

        JsonNode changes = list("?" + sync(syncToken)).json();
        assertThat(changes.path("items")).extracting(item -> item.path("id").asString() + " "
                + item.path("status").asString())
                .containsExactly(moved.id() + " confirmed", deleted.id() + " cancelled", added.id() + " confirmed");
        JsonNode cancelled = changes.path("items").path(1);
        assertThat(cancelled.has("summary")).as("deleted events carry little more than their id").isFalse();
        assertThat(changes.path("items").path(0).path("start").path("dateTime").asString())
                .isEqualTo("2025-03-02T12:00:00Z");

        JsonNode again = list("?" + sync(changes.path("nextSyncToken").asString())).json();
        assertThat(again.path("items")).isEmpty();
        assertThat(list("?" + sync(syncToken)).json().path("items")).as("older tokens still work").hasSize(3);
    }

    @Test
    void incrementalResultsArePagedWithTheSyncTokenOnTheLastPage() {
        String syncToken = list("").json().path("nextSyncToken").asString();
        for (int day = 1; day <= 5; day++) {
            event("e" + day, day);
        }
        List<String> ids = new ArrayList<>();
        String next = fullSync(ids, "&" + sync(syncToken));
        assertThat(ids).hasSize(5);
        assertThat(next).isNotEmpty();
    }

    @Test
    void syncTokensRefuseTheFilteringParameters() {
        String syncToken = list("").json().path("nextSyncToken").asString();
        for (String parameter : EventsList.FORBIDDEN_WITH_SYNC_TOKEN) {
            String value = parameter.startsWith("time") || parameter.equals("updatedMin")
                    ? GoogleHttp.encode("2025-03-01T00:00:00Z")
                    : parameter.endsWith("Property") ? "a%3Db" : parameter.equals("orderBy") ? "updated" : "x";
            GoogleHttp.Reply reply = list("?" + sync(syncToken) + "&" + parameter + "=" + value);
            assertThat(reply.status()).as(parameter).isEqualTo(400);
            assertThat(reply.json().path("error").path("errors").path(0).path("location").asString())
                    .isEqualTo(parameter);
        }
        assertThat(list("?" + sync(syncToken) + "&singleEvents=true&showDeleted=true").status())
                .as("singleEvents and showDeleted are allowed").isEqualTo(200);
        assertThat(list("?syncToken=not-a-token").status()).isEqualTo(400);
    }

    @Test
    void invalidatedSyncTokensAnswer410FullSyncRequired() {
        event("one", 1);
        String syncToken = list("").json().path("nextSyncToken").asString();
        google.invalidateSyncTokens(ANN);
        GoogleHttp.Reply gone = list("?" + sync(syncToken));
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.errorReason()).isEqualTo("fullSyncRequired");

        String fresh = list("").json().path("nextSyncToken").asString();
        assertThat(list("?" + sync(fresh)).status()).as("a full sync yields a working token").isEqualTo(200);
    }

    @Test
    void syncTokensContainCharactersThatMustBeEncoded() {
        String sample = list("").json().path("nextSyncToken").asString();
        assertThat(sample).matches("[A-Za-z0-9+/=]+");
        boolean sawSpecial = false;
        for (int i = 0; i < 40 && !sawSpecial; i++) {
            String syncToken = list("").json().path("nextSyncToken").asString();
            sawSpecial = syncToken.contains("+") || syncToken.contains("/");
            if (syncToken.contains("+")) {
                assertThat(list("?syncToken=" + syncToken).status())
                        .as("an unencoded '+' arrives as a space").isEqualTo(400);
                assertThat(list("?" + sync(syncToken)).status()).isEqualTo(200);
            }
        }
        assertThat(sawSpecial).isTrue();
    }

    @Test
    void recurringChangesExpandInIncrementalSingleEventsLists() {
        String syncToken = list("?singleEvents=true").json().path("nextSyncToken").asString();
        google.createEventAsUser(ANN, "primary", """
                {"id": "standup01", "summary": "standup",
                 "start": {"dateTime": "2025-03-03T09:00:00Z", "timeZone": "UTC"},
                 "end": {"dateTime": "2025-03-03T09:15:00Z", "timeZone": "UTC"},
                 "recurrence": ["RRULE:FREQ=DAILY;COUNT=2"]}""");
        JsonNode changes = list("?singleEvents=true&" + sync(syncToken)).json();
        assertThat(changes.path("items")).extracting(item -> item.path("id").asString())
                .containsExactly("standup01_20250303T090000Z", "standup01_20250304T090000Z");
    }
}
