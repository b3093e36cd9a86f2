package dev.switchboard.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/bookings}: filtered by status and venue, in the order each status is worked
 * through (pending soonest visit first, decided latest decision first, all newest first), paged
 * like every list; a bad filter is a problem document naming it; another tenant sees none of it.
 */
class BookingListIT extends TelegramIT {

    private Connected connected;
    private TestTenant tenant;
    private String terrace;
    private String garden;

    @BeforeEach
    void twoVenuesOnOneBot() {
        connected = connectEchoBot("list" + System.nanoTime() % 1000, "webhook");
        tenant = connected.tenant();
        terrace = venue("Terrace", "restaurant");
        garden = venue("Garden House", "hotel");
    }

    @Test
    void listsByStatusAndVenueInTheOrderEachStatusIsWorkedThrough() {
        Booking a1 = pending(terrace, "2030-06-03T19:00:00+03:00", "Ann");
        Booking a2 = pending(terrace, "2030-06-01T19:00:00+03:00", "Boris");
        Booking a3 = pending(terrace, "2030-06-02T19:00:00+03:00", "Chen");
        Booking b1 = pending(garden, "2030-06-04T14:00:00+03:00", "Dana");
        Booking draft = create(terrace, "2030-06-05T19:00:00+03:00");
        Booking a5 = pending(terrace, "2030-06-06T19:00:00+03:00", "Emil");
        assertThat(tenant.api().post("/api/v1/bookings/" + a3.id() + "/approve", null).status()).isEqualTo(200);
        assertThat(tenant.api().post("/api/v1/bookings/" + a5.id() + "/approve", null).status()).isEqualTo(200);
        assertThat(tenant.api().post("/api/v1/bookings/" + a1.id() + "/reject", Map.of("reason", "fully booked"))
                .status()).isEqualTo(200);

        assertThat(ids(list("?status=PENDING"))).containsExactly(a2.id(), b1.id());
        assertThat(ids(list("?status=PENDING&venueId=" + terrace))).containsExactly(a2.id());
        assertThat(ids(list("?status=APPROVED"))).as("latest decision first").containsExactly(a5.id(), a3.id());
        assertThat(ids(list("?status=DRAFT"))).containsExactly(draft.id());
        assertThat(ids(list("?venueId=" + garden))).containsExactly(b1.id());
        assertThat(ids(list(""))).as("newest first")
                .containsExactly(a5.id(), draft.id(), b1.id(), a3.id(), a2.id(), a1.id());

        JsonNode rejected = list("?status=REJECTED");
        assertThat(rejected.path("total").asInt()).isEqualTo(1);
        JsonNode item = rejected.path("items").get(0);
        assertThat(item.path("id").asString()).isEqualTo(a1.id());
        assertThat(item.path("code").asString()).isEqualTo(a1.code());
        assertThat(item.path("venueId").asString()).isEqualTo(terrace);
        assertThat(item.path("startsAt").asString()).isEqualTo("2030-06-03T16:00:00Z");
        assertThat(item.path("partySize").asInt()).isEqualTo(2);
        assertThat(item.path("tableLabel").asString()).isEqualTo("T1");
        assertThat(item.path("preorder").get(0).path("item").asString()).isEqualTo("Tea");
        assertThat(item.path("client").path("name").asString()).isEqualTo("Ann");
        assertThat(item.path("rejectReason").asString()).isEqualTo("fully booked");
        assertThat(item.path("decidedBy").asString()).startsWith("api-key:");
        assertThat(item.has("history")).as("the list leaves the history to GET /bookings/{id}").isFalse();
        assertThat(list("?status=DRAFT").path("items").get(0).path("client").isNull()).isTrue();
    }

    @Test
    void pagesLikeEveryList() {
        Booking first = create(terrace, "2030-07-01T12:00:00+03:00");
        Booking second = create(terrace, "2030-07-02T12:00:00+03:00");
        Booking third = create(garden, "2030-07-03T12:00:00+03:00");

        JsonNode page0 = list("?size=2");
        assertThat(page0.path("page").asInt()).isZero();
        assertThat(page0.path("size").asInt()).isEqualTo(2);
        assertThat(page0.path("total").asInt()).isEqualTo(3);
        assertThat(ids(page0)).containsExactly(third.id(), second.id());
        JsonNode page1 = list("?size=2&page=1");
        assertThat(page1.path("page").asInt()).isEqualTo(1);
        assertThat(page1.path("total").asInt()).isEqualTo(3);
        assertThat(ids(page1)).containsExactly(first.id());
        assertThat(ids(list("?size=2&page=2"))).isEmpty();
        assertThat(list("?status=DRAFT&venueId=" + terrace + "&size=1").path("total").asInt()).isEqualTo(2);
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        for (String status : List.of("CANCELLED", "pending", "1")) {
            Api.Response bad = tenant.api().get("/api/v1/bookings?status=" + status);
            assertThat(bad.status()).as(status).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(fields(bad)).containsExactly("status");
            assertThat(bad.json().path("errors").get(0).path("message").asString())
                    .contains("DRAFT", "PENDING", "APPROVED", "REJECTED");
        }
        assertThat(fields(tenant.api().get("/api/v1/bookings?venueId=terrace"))).containsExactly("venueId");
        assertThat(fields(tenant.api().get("/api/v1/bookings?size=500"))).containsExactly("size");
        assertThat(fields(tenant.api().get("/api/v1/bookings?page=-1"))).containsExactly("page");
        assertThat(tenant.api().get("/api/v1/bookings?status=").status()).as("an empty filter is no filter")
                .isEqualTo(200);
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        Booking mine = pending(terrace, "2030-08-01T19:00:00+03:00", "Fay");
        TestTenant other = newTenant("listother");

        assertThat(list(tenant, "").path("total").asInt()).isEqualTo(1);
        assertThat(list(other, "").path("total").asInt()).isZero();
        assertThat(list(other, "?status=PENDING&venueId=" + terrace).path("items")).isEmpty();
        assertThat(other.api().get("/api/v1/bookings/" + mine.id()).status()).isEqualTo(404);
        assertThat(admin().withHeader("X-Tenant", tenant.slug()).get("/api/v1/bookings?status=PENDING").json()
                .path("items").get(0).path("id").asString()).isEqualTo(mine.id());
    }

    private record Booking(String id, String code) {
    }

    private String venue(String name, String kind) {
        Api.Response venue = tenant.api().post("/api/v1/venues", Map.of("name", name, "kind", kind,
                "managerLanguage", "en", "timezone", "Europe/Moscow", "telegramIntegrationId", connected.integrationId()));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        return venue.text("id");
    }

    private Booking create(String venueId, String startsAt) {
        Api.Response created = tenant.api().post("/api/v1/bookings", Map.of("venueId", venueId, "startsAt", startsAt,
                "partySize", 2, "tableLabel", "T1", "preorder", List.of(Map.of("item", "Tea", "quantity", 1))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Booking(created.text("id"), created.text("code"));
    }

    /** A booking the guest claimed the real way: by opening its t.me deep link. */
    private Booking pending(String venueId, String startsAt, String guestName) {
        Booking booking = create(venueId, startsAt);
        TgUser guest = telegram.user(7_600_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L), guestName, null, "en");
        telegram.injectText(connected.bot().token(), guest, "/start BOOKING_" + booking.code());
        eventually(() -> assertThat(tenant.api().get("/api/v1/bookings/" + booking.id()).text("status"))
                .isEqualTo("PENDING"));
        return booking;
    }

    private JsonNode list(String query) {
        return list(tenant, query);
    }

    private static JsonNode list(TestTenant who, String query) {
        Api.Response response = who.api().get("/api/v1/bookings" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().path("errors").findValuesAsString("field");
    }
}
