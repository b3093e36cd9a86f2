package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A user of tenant A, logged in, reaches nothing of tenant B by editing URLs or forms: every page,
 * conversation, integration and booking of B answers 404, B's live events never reach A's stream, the
 * administrator's pages are refused; and a POST without the session's CSRF token changes nothing.
 */
class TenantIsolationUiIT extends BrowserIT {

    private final TelegramEmulator telegram = Sandboxes.telegram();

    record Other(TestTenant tenant, Bot bot, TgUser guest, String integrationId, String conversationId) {
    }

    record Booking(String id, String code, String venueId, TgUser guest) {
    }

    @Test
    void aUserOfOneTenantReachesNothingOfAnotherByUrlOrForm() {
        TestTenant a = newTenant("isoa");
        Other b = tenantWithAConversation("isob", "Secret guest of B", "B's private question");
        Booking booking = pendingBooking(b);

        logInAs(a);
        for (String path : List.of("/inbox/" + b.conversationId(), "/inbox/" + b.conversationId() + "/messages",
                "/api/v1/conversations/" + b.conversationId(), "/api/v1/integrations/" + b.integrationId(),
                "/api/v1/conversations/" + b.conversationId() + "/messages", "/api/v1/bookings/" + booking.id())) {
            open(path);
            assertThat(browser.getPageSource()).as(path).containsAnyOf("Not found", "not found")
                    .doesNotContain("Secret guest of B").doesNotContain("B's private question");
        }
        open("/inbox/" + b.conversationId());
        assertThat(Browser.visible(browser, "h1").getText()).isEqualTo("Not found");
        Browser.screenshots(browser, "not-found");

        open("/channels");
        assertThat(browser.getPageSource()).doesNotContain(b.integrationId()).doesNotContain(b.tenant().slug());
        open("/inbox");
        assertThat(browser.getPageSource()).doesNotContain("Secret guest of B");
        open("/bookings");
        assertThat(Browser.visible(browser, "h1").getText()).isEqualTo("Bookings");
        assertThat(browser.getPageSource()).doesNotContain(booking.code()).doesNotContain("Booking guest of B");
        for (String path : List.of("/bookings?venue=" + booking.venueId(), "/api/v1/bookings?venueId=" + booking.venueId(),
                "/api/v1/bookings?status=PENDING")) {
            open(path);
            assertThat(browser.getPageSource()).as(path).doesNotContain(booking.code()).doesNotContain(booking.id());
        }

        // A's own forms, pointed at B's objects: refused as unknown, B unchanged
        for (String action : List.of("/channels/" + b.integrationId() + "/disable",
                "/channels/" + b.integrationId() + "/delete", "/inbox/" + b.conversationId() + "/handoff",
                "/inbox/" + b.conversationId() + "/reply", "/bookings/" + booking.id() + "/approve",
                "/bookings/" + booking.id() + "/reject")) {
            open("/channels");
            retargetFirstForm(action, Map.of("mode", "human", "text", "hello from A", "reason", "from A"));
            assertThat(Browser.visible(browser, "h1").getText()).as(action).isEqualTo("Not found");
        }
        Api.Response integration = b.tenant().api().get("/api/v1/integrations/" + b.integrationId());
        assertThat(integration.text("status")).isEqualTo("active");
        assertThat(b.tenant().api().get("/api/v1/conversations/" + b.conversationId()).text("mode")).isEqualTo("bot");
        assertThat(telegram.sentMessages(b.bot().token(), b.guest().id())).isEmpty();
        assertThat(b.tenant().api().get("/api/v1/bookings/" + booking.id()).text("status")).isEqualTo("PENDING");
        assertThat(telegram.sentMessages(b.bot().token(), booking.guest().id())).extracting(SentMessage::text)
                .noneMatch(t -> t.contains("is confirmed") || t.contains("could not be confirmed"));

        open("/admin/tenants");
        assertThat(Browser.visible(browser, "h1").getText()).isEqualTo("Not allowed");
        open("/api/v1/monitoring/dashboard");
        assertThat(browser.getPageSource()).doesNotContain("Switchboard monitoring");
    }

    @Test
    void postsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
        TestTenant a = newTenant("csrf");
        Bot bot = telegram.createBot(a.slug() + "_bot");
        logInAs(a);
        String cookie = sessionCookie();

        for (String path : List.of("/channels/connect/telegram", "/agent/documents", "/admin/tenants/" + a.slug() + "/open",
                "/bookings/" + UUID.randomUUID() + "/approve", "/bookings/" + UUID.randomUUID() + "/reject", "/logout")) {
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(uri(path))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=Sneaky&botToken=" + bot.token()
                            + "&title=t&content=c")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(uri("/channels/connect/telegram"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=forged&name=Sneaky&botToken=" + bot.token())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/integrations"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"telegram\",\"name\":\"Sneaky\","
                        + "\"credentials\":{\"botToken\":\"" + bot.token() + "\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(403);

        assertThat(a.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
        assertThat(a.api().get("/api/v1/knowledge/documents").json().path("total").asInt()).isZero();
        open("/channels");
        assertThat(browser.getCurrentUrl()).as("still logged in: the forged logout did nothing").endsWith("/channels");
    }

    @Test
    void theLiveStreamCarriesOnlyTheOwnTenantsConversations() throws Exception {
        TestTenant a = newTenant("livea");
        Bot aBot = telegram.createBot(a.slug() + "_bot");
        assertThat(a.api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "A desk",
                "credentials", Map.of("botToken", aBot.token()))).status()).isEqualTo(201);
        Other b = tenantWithAConversation("liveb", "Guest of B", "first");
        logInAs(a);

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(uri("/inbox/events"))
                .header("Cookie", sessionCookie()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // closed by the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            telegram.injectText(b.bot().token(), b.guest(), "B writes again");
            TgUser aGuest = telegram.user(guestId(), "Guest of A", null, "en");
            telegram.injectText(aBot.token(), aGuest, "A's guest writes");
            String aConversation = await().atMost(Duration.ofSeconds(20)).until(() -> conversationOf(a),
                    id -> id != null);
            await().atMost(Duration.ofSeconds(20)).until(() -> lines.contains("data:" + aConversation));
            // B's second message was stored before A's first: had it been sent to A, it would be there by now
            assertThat(b.tenant().api().get("/api/v1/conversations/" + b.conversationId() + "/messages")
                    .json().path("total").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(lines).contains("event:conversation", "event:conversation-" + aConversation)
                    .noneMatch(line -> line.contains(b.conversationId()));
        } finally {
            stream.body().close();
        }
    }

    private Other tenantWithAConversation(String prefix, String guestName, String text) {
        TestTenant tenant = newTenant(prefix);
        assertThat(tenant.api().put("/api/v1/agent", Map.of("kind", "none")).status()).isEqualTo(200);
        Bot bot = telegram.createBot(tenant.slug() + "_bot");
        Api.Response created = tenant.api().post("/api/v1/integrations", Map.of("type", "telegram", "name",
                "Desk of " + prefix, "credentials", Map.of("botToken", bot.token())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TgUser guest = telegram.user(guestId(), guestName, null, "en");
        telegram.injectText(bot.token(), guest, text);
        String conversation = await().atMost(Duration.ofSeconds(20)).until(() -> conversationOf(tenant), id -> id != null);
        return new Other(tenant, bot, guest, created.text("id"), conversation);
    }

    /** A booking of the other tenant, claimed by a guest of its bot: what a decision would change. */
    private Booking pendingBooking(Other other) {
        Api.Response venue = other.tenant().api().post("/api/v1/venues", Map.of("name", "Venue of B", "kind", "restaurant",
                "managerLanguage", "en", "timezone", "Europe/Berlin", "telegramIntegrationId", other.integrationId()));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        Api.Response created = other.tenant().api().post("/api/v1/bookings", Map.of("venueId", venue.text("id"),
                "startsAt", "2030-05-05T19:00:00+02:00", "partySize", 2));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TgUser guest = telegram.user(guestId(), "Booking guest of B", null, "en");
        telegram.injectText(other.bot().token(), guest, "/start BOOKING_" + created.text("code"));
        String id = created.text("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> other.tenant().api().get("/api/v1/bookings/" + id)
                .text("status"), "PENDING"::equals);
        return new Booking(id, created.text("code"), venue.text("id"), guest);
    }

    private static String conversationOf(TestTenant tenant) {
        var items = tenant.api().get("/api/v1/conversations").json().path("items");
        return items.isEmpty() ? null : items.get(0).path("id").asString();
    }

    /** Points the page's first form (with its valid CSRF token) at another URL, as a curious user might. */
    private void retargetFirstForm(String action, Map<String, String> fields) {
        StringBuilder script = new StringBuilder("var f = document.querySelector('main form[method=post]');"
                + "f.action = arguments[0];");
        fields.forEach((name, value) -> script.append("var i = document.createElement('input'); i.type = 'hidden';")
                .append("i.name = '").append(name).append("'; i.value = '").append(value).append("'; f.appendChild(i);"));
        script.append("f.submit();");
        browser.executeScript(script.toString(), action);
        Browser.waitFor(browser, d -> d.getCurrentUrl().endsWith(action) ? true : null);
    }

    private static long guestId() {
        return 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

}
