package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bookings board in a real browser: bookings the guests claimed in Telegram wait in Pending
 * with what the manager needs (the time in the venue's zone, the guest, the pre-order); Approve and
 * Reject move them to their column and reach the guest and the managers as the chat buttons do; a
 * booking a manager decided in chat first is a notice, and a stale Reject does not cancel it.
 */
class BookingsUiIT extends BrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TelegramEmulator telegram = Sandboxes.telegram();

    private TestTenant tenant;
    private Bot bot;
    private String bookingsChannel;
    private String venueId;

    record Claimed(String id, String code, TgUser guest) {
    }

    @Test
    void pendingBookingsAreApprovedAndRejectedFromTheBoardAndTheGuestsAreTold() {
        tenant = newTenant("uibook");
        String email = tenant.slug() + "@example.test";
        bot = telegram.createBot(tenant.slug() + "_bot");
        bookingsChannel = telegramIntegration();
        venueId = venue("Sakura Terrace", "Asia/Tokyo", bookingsChannel);
        TgUser olga = invitedManager("Olga");

        Claimed ann = claimed(Map.of("venueId", venueId, "startsAt", "2030-03-01T10:00:00Z", "partySize", 4,
                "tableLabel", "Terrace 5", "notes", "By the window, please",
                "preorder", List.of(Map.of("item", "Borscht", "quantity", 2), Map.of("item", "Green tea", "quantity", 1))),
                "Ann");
        Claimed boris = claimed(Map.of("venueId", venueId, "startsAt", "2030-03-02T09:30:00Z", "partySize", 2), "Boris");
        Claimed chen = claimed(Map.of("venueId", venueId, "startsAt", "2030-03-03T11:00:00Z", "partySize", 6), "Chen");
        String draft = tenant.api().post("/api/v1/bookings", Map.of("venueId", venueId,
                "startsAt", "2030-03-04T11:00:00Z", "partySize", 3)).text("code");
        String garden = venue("Garden Room", "Europe/London", bookingsChannel);
        Claimed dmitri = claimed(Map.of("venueId", garden, "startsAt", "2030-03-05T18:00:00Z", "partySize", 2), "Dmitri");

        logInAs(tenant);
        open("/bookings");
        assertThat(Browser.textOf(browser, ".mainnav a[aria-current=page]", "Bookings")).isEqualTo("Bookings");
        String card = Browser.textOf(browser, "#pending .booking", ann.code());
        assertThat(card).as("19:00 in Tokyo, the venue's zone").contains("Sakura Terrace", "Fri 1 Mar 2030, 19:00",
                "Asia/Tokyo", "Terrace 5", "Ann", "Telegram", "Borscht \u00d7 2", "Green tea \u00d7 1",
                "By the window, please");
        assertThat(Browser.textOf(browser, "#pending .booking", boris.code())).contains("Sat 2 Mar 2030, 18:30");
        assertThat(Browser.textOf(browser, "#pending .booking", dmitri.code())).contains("Garden Room",
                "Tue 5 Mar 2030, 18:00", "Europe/London");
        assertThat(Browser.textOf(browser, "#pending h2", "Pending")).contains("4");
        assertThat(Browser.textOf(browser, "#approved .empty", "")).contains("No approved booking");
        Browser.click(browser, "#drafts summary", "Awaiting the guest");
        assertThat(Browser.textOf(browser, "#drafts li", draft)).contains("Sakura Terrace");
        assertThat(browser.findElements(By.cssSelector("#pending [data-code='" + draft + "']"))).isEmpty();
        Browser.screenshots(browser, "bookings-pending");

        // Approve: the card moves, the guest gets the confirmation and the manager is told who decided
        Browser.click(browser, "#booking-" + ann.id() + " form.approve button", "Approve");
        assertThat(Browser.textOf(browser, ".flash.notice", ann.code())).contains("is approved");
        assertThat(Browser.textOf(browser, "#approved .booking", ann.code())).contains("Approved by", email);
        assertThat(browser.findElements(By.cssSelector("#pending [data-code='" + ann.code() + "']"))).isEmpty();
        eventually(() -> assertThat(texts(ann.guest())).filteredOn(t -> t.contains("is confirmed")).hasSize(1));
        assertThat(texts(ann.guest())).filteredOn(t -> t.contains("is confirmed")).first().asString()
                .contains("Sakura Terrace", "Terrace 5", "Borscht \u00d7 2");
        eventually(() -> assertThat(texts(olga)).contains("Booking " + ann.code() + " was approved by user:" + email + "."));
        JsonNode approved = tenant.api().get("/api/v1/bookings/" + ann.id()).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("decidedBy").asString()).isEqualTo("user:" + email);
        assertThat(approved.path("history").findValuesAsString("actor")).last().isEqualTo("user:" + email);

        // Reject: a reason too long is kept beside the field and rejects nothing; a good one reaches the guest
        Browser.click(browser, "#booking-" + boris.id() + " details.reject summary", "Reject");
        browser.executeScript("document.getElementById(arguments[0]).removeAttribute('maxlength');", "reason-" + boris.id());
        Browser.visible(browser, "#reason-" + boris.id()).sendKeys("x".repeat(501));
        Browser.click(browser, "#booking-" + boris.id() + " .reject-form button", "Reject booking");
        assertThat(Browser.textOf(browser, "#reason-" + boris.id() + "-error", "at most 500")).isNotEmpty();
        assertThat(Browser.visible(browser, "#reason-" + boris.id()).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(tenant.api().get("/api/v1/bookings/" + boris.id()).text("status")).isEqualTo("PENDING");
        Browser.visible(browser, "#reason-" + boris.id()).clear();
        String reason = "The kitchen is closed for a private event";
        Browser.visible(browser, "#reason-" + boris.id()).sendKeys(reason);
        Browser.click(browser, "#booking-" + boris.id() + " .reject-form button", "Reject booking");
        assertThat(Browser.textOf(browser, ".flash.notice", boris.code())).contains("is rejected", "with your reason");
        assertThat(Browser.textOf(browser, "#rejected .booking", boris.code())).contains("Rejected by", email, reason);
        eventually(() -> assertThat(texts(boris.guest()))
                .anyMatch(t -> t.contains("could not be confirmed") && t.contains(reason)));
        assertThat(tenant.api().get("/api/v1/bookings/" + boris.id()).text("status")).isEqualTo("REJECTED");

        // Olga approves Chen's booking in Telegram while the board still shows it pending
        SentMessage request = requestTo(olga, "Chen");
        telegram.injectCallback(bot.token(), olga, request.messageId(), buttons(request).get(0).path("callback_data").asString());
        eventually(() -> assertThat(tenant.api().get("/api/v1/bookings/" + chen.id()).text("status"))
                .isEqualTo("APPROVED"));
        Browser.click(browser, "#booking-" + chen.id() + " details.reject summary", "Reject");
        Browser.visible(browser, "#reason-" + chen.id()).sendKeys("Too late");
        Browser.click(browser, "#booking-" + chen.id() + " .reject-form button", "Reject booking");
        assertThat(Browser.textOf(browser, ".flash.problem", chen.code()))
                .contains("was already approved by Olga", "nothing was changed");
        assertThat(Browser.visible(browser, "h1").getText()).isEqualTo("Bookings");
        assertThat(Browser.textOf(browser, "#approved .booking", chen.code())).contains("Approved by", "Olga");
        assertThat(tenant.api().get("/api/v1/bookings/" + chen.id()).text("status")).as("the stale Reject cancelled nothing")
                .isEqualTo("APPROVED");
        assertThat(texts(chen.guest())).noneMatch(t -> t.contains("could not be confirmed"));
        Browser.screenshots(browser, "bookings");

        // one venue's board
        new Select(Browser.visible(browser, "#venue-filter")).selectByVisibleText("Sakura Terrace");
        Browser.click(browser, ".venue-filter button", "Show");
        Browser.waitFor(browser, d -> d.getCurrentUrl().contains("venue=" + venueId) ? true : null);
        assertThat(Browser.textOf(browser, "#pending .empty", "")).contains("Nothing waits");
        assertThat(Browser.textOf(browser, "#approved h2", "Approved")).contains("2");
        assertThat(browser.findElements(By.cssSelector("[data-code='" + dmitri.code() + "']"))).isEmpty();
    }

    private String telegramIntegration() {
        Api.Response integration = tenant.api().post("/api/v1/integrations", Map.of("type", "telegram", "name",
                "Front desk", "credentials", Map.of("botToken", bot.token())));
        assertThat(integration.status()).as(integration.body()).isEqualTo(201);
        return integration.text("id");
    }

    private String venue(String name, String timezone, String telegramIntegrationId) {
        Api.Response venue = tenant.api().post("/api/v1/venues", Map.of("name", name, "kind", "restaurant",
                "managerLanguage", "en", "timezone", timezone, "telegramIntegrationId", telegramIntegrationId));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        return venue.text("id");
    }

    /** A manager who opened the invite link in Telegram. */
    private TgUser invitedManager(String name) {
        TgUser manager = telegram.user(userId(), name, null, "en");
        String invite = tenant.api().post("/api/v1/venues/" + venueId + "/managers", Map.of("name", name))
                .text("inviteLink");
        telegram.injectText(bot.token(), manager, "/start " + invite.substring(invite.indexOf("MANAGER_")));
        eventually(() -> assertThat(texts(manager)).anyMatch(t -> t.contains("Hello " + name)));
        return manager;
    }

    /** A booking the guest claimed by opening its t.me link, as BookingFlowIT does. */
    private Claimed claimed(Map<String, Object> booking, String guestName) {
        Api.Response created = tenant.api().post("/api/v1/bookings", booking);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TgUser guest = telegram.user(userId(), guestName, null, "en");
        telegram.injectText(bot.token(), guest, "/start BOOKING_" + created.text("code"));
        eventually(() -> assertThat(tenant.api().get("/api/v1/bookings/" + created.text("id")).text("status"))
                .isEqualTo("PENDING"));
        return new Claimed(created.text("id"), created.text("code"), guest);
    }

    private SentMessage requestTo(TgUser manager, String guestName) {
        eventually(() -> assertThat(requests(manager, guestName)).isNotEmpty());
        return requests(manager, guestName).get(0);
    }

    private List<SentMessage> requests(TgUser manager, String guestName) {
        return telegram.sentMessages(bot.token(), manager.id()).stream()
                .filter(m -> "sendMessage".equals(m.method()) && m.text() != null
                        && m.text().startsWith("New booking request") && m.text().contains("Client: " + guestName))
                .toList();
    }

    private static List<JsonNode> buttons(SentMessage message) {
        return JSON.readTree(message.replyMarkup()).path("inline_keyboard").valueStream()
                .flatMap(JsonNode::valueStream).toList();
    }

    private List<String> texts(TgUser user) {
        return telegram.sentMessages(bot.token(), user.id()).stream().map(SentMessage::text).toList();
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    private static long userId() {
        return 5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }
}
