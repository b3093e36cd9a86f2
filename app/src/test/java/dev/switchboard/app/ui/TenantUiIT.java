package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.sandbox.google.GoogleEmulator;
import dev.switchboard.sandbox.greenapi.GreenApiEmulator;
import dev.switchboard.sandbox.greenapi.GreenSent;
import dev.switchboard.sandbox.greenapi.Instance;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A tenant's user in a real browser: connects a Telegram bot through the form and sees it active,
 * watches a guest's message arrive in the inbox without a reload, answers it from there (the reply
 * reaches the provider), follows a WhatsApp reply from ✓ to ✓✓, and is shown the provider's reason
 * beside the field when a token is wrong.
 */
class TenantUiIT extends BrowserIT {

    private final TelegramEmulator telegram = Sandboxes.telegram();

    @Test
    void newUserConnectsTelegramWatchesTheInboxLiveAndReplies() {
        TestTenant tenant = newTenant("ui");
        Bot bot = telegram.createBot(tenant.slug() + "_bot");
        TgUser guest = telegram.user(guestId(), "Maria", "maria_" + tenant.slug(), "en");
        assertThat(tenant.api().put("/api/v1/agent", Map.of("kind", "none")).status()).isEqualTo(200);

        logInAs(tenant);
        assertThat(browser.getCurrentUrl()).as("a tenant without channels starts on Channels").endsWith("/channels");
        Browser.screenshots(browser, "channels-empty");

        Browser.visible(browser, "#telegram-name").sendKeys("Front desk");
        browser.findElement(By.id("telegram-botToken")).sendKeys(bot.token());
        browser.findElement(By.cssSelector("#telegram-form button[type=submit]")).click();
        WebElement card = Browser.text(browser, ".card.channel", "Front desk");
        assertThat(card.findElement(By.cssSelector(".badge")).getAttribute("data-status")).isEqualTo("active");
        assertThat(card.findElement(By.cssSelector(".badge")).getText()).contains("Active");
        assertThat(Browser.visible(browser, ".flash.notice").getText()).contains("is connected");
        assertThat(browser.getPageSource()).as("a secret never comes back to the page").doesNotContain(bot.token());
        Browser.screenshots(browser, "channels");

        open("/inbox");
        Browser.visible(browser, "[data-live-indicator][data-state=open]");
        Browser.markPage(browser);
        telegram.injectText(bot.token(), guest, "Hello! Is a room free tonight?");
        String row = Browser.textOf(browser, "#conversation-list .conv", "Maria");
        assertThat(row).contains("Is a room free tonight?").contains("Front desk");
        assertThat(Browser.notReloaded(browser)).as("the list was updated in place").isTrue();
        Browser.screenshots(browser, "inbox");

        Browser.click(browser, "#conversation-list .conv", "Maria");
        Browser.text(browser, "#thread-title", "Maria");
        Browser.visible(browser, "[data-live-indicator][data-state=open]");
        Browser.markPage(browser);
        telegram.injectText(bot.token(), guest, "For two people, please.");
        Browser.text(browser, "#messages .bubble.in .text", "For two people, please.");
        assertThat(Browser.notReloaded(browser)).as("the thread was updated in place").isTrue();

        String reply = "Yes, we have a double room for 120 euros.";
        browser.findElement(By.id("reply-text")).sendKeys(reply);
        browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                telegram.sentMessages(bot.token(), guest.id())).extracting(SentMessage::text).contains(reply));
        String mineStatus = Browser.waitFor(browser, d -> d.findElements(By.cssSelector("#messages .bubble.out")).stream()
                .filter(b -> b.getText().contains(reply) && "sent".equals(b.getAttribute("data-status")))
                .map(b -> b.findElement(By.cssSelector(".status")).getText()).findFirst().orElse(null));
        assertThat(mineStatus).isEqualTo("\u2713 sent");
        assertThat(browser.findElement(By.id("reply-text")).getAttribute("value")).as("the reply box is empty again")
                .isEmpty();
        assertThat(Browser.notReloaded(browser)).isTrue();
        assertThat(Browser.textOf(browser, "#answer-mode", "A person")).as("replying took over from the bot")
                .contains("A person answers");
        Browser.screenshots(browser, "conversation");

        Browser.click(browser, ".handoff button", "");
        assertThat(Browser.textOf(browser, "#answer-mode", "The bot answers")).contains("bot");
    }

    @Test
    void aWhatsAppReplyShowsSentThenDeliveredThenRead() {
        GreenApiEmulator green = Sandboxes.greenApi();
        Instance instance = green.createInstance();
        String guestPhone = "7900" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        green.registerWhatsAppUser(guestPhone);
        TestTenant tenant = newTenant("uiwa");
        assertThat(tenant.api().put("/api/v1/agent", Map.of("kind", "none")).status()).isEqualTo(200);

        logInAs(tenant);
        browser.findElement(By.cssSelector("#connect-greenapi summary")).click();
        Browser.visible(browser, "#greenapi-name").sendKeys("WhatsApp front desk");
        browser.findElement(By.id("greenapi-idInstance")).sendKeys(Long.toString(instance.idInstance()));
        browser.findElement(By.id("greenapi-apiTokenInstance")).sendKeys(instance.apiTokenInstance());
        browser.findElement(By.id("greenapi-apiUrl")).sendKeys(green.apiUrl());
        browser.findElement(By.cssSelector("#greenapi-form button[type=submit]")).click();
        WebElement card = Browser.text(browser, ".card.channel", "WhatsApp front desk");
        assertThat(card.findElement(By.cssSelector(".badge")).getAttribute("data-status")).isEqualTo("active");

        open("/inbox");
        Browser.visible(browser, "[data-live-indicator][data-state=open]");
        green.injectText(instance.idInstance(), guestPhone, "Olga", "Do you have parking?");
        Browser.click(browser, "#conversation-list .conv", "Do you have parking?");
        Browser.text(browser, "#messages .bubble.in .text", "Do you have parking?");
        Browser.visible(browser, "[data-live-indicator][data-state=open]");
        Browser.markPage(browser);

        // slow enough for a person (and the test) to see each step; restored below
        green.statusTimeline(Duration.ofSeconds(2), Duration.ofSeconds(4));
        try {
            String reply = "Yes: the garage costs 15 euros a night.";
            browser.findElement(By.id("reply-text")).sendKeys(reply);
            browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
            List<String> seen = new ArrayList<>();
            for (String expected : List.of("\u2713 sent", "\u2713\u2713 delivered", "\u2713\u2713 read")) {
                String shown = Browser.waitFor(browser, d -> {
                    List<WebElement> status = d.findElements(By.cssSelector("#messages .bubble.out .status"));
                    return status.isEmpty() || !status.get(0).getText().equals(expected) ? null : expected;
                });
                seen.add(shown);
                if (expected.contains("delivered")) {
                    Browser.screenshots(browser, "conversation-whatsapp");
                }
            }
            assertThat(seen).containsExactly("\u2713 sent", "\u2713\u2713 delivered", "\u2713\u2713 read");
            assertThat(green.sent(instance.idInstance())).extracting(GreenSent::chatId).contains(guestPhone + "@c.us");
            assertThat(Browser.notReloaded(browser)).as("the status changed in place").isTrue();
        } finally {
            green.statusTimeline(Duration.ofSeconds(1), Duration.ofSeconds(3));
        }
    }

    @Test
    void aWrongTokenShowsTheProvidersReasonBesideTheFieldAndCreatesNothing() {
        TestTenant tenant = newTenant("uibad");
        logInAs(tenant);
        String wrong = "123456789:AAwrongWrongWrongWrongWrongWrong0001";

        Browser.visible(browser, "#telegram-name").sendKeys("Front desk");
        browser.findElement(By.id("telegram-botToken")).sendKeys(wrong);
        browser.findElement(By.cssSelector("#telegram-form button[type=submit]")).click();

        WebElement error = Browser.visible(browser, "#telegram-botToken-error");
        assertThat(error.getText()).contains("Telegram rejected the bot token (401 Unauthorized)");
        WebElement token = browser.findElement(By.id("telegram-botToken"));
        assertThat(token.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(token.getAttribute("aria-describedby")).contains("telegram-botToken-error");
        assertThat(token.getAttribute("type")).isEqualTo("password");
        assertThat(token.getAttribute("value")).as("a credential is never echoed").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(wrong);
        assertThat(browser.findElement(By.id("telegram-name")).getAttribute("value")).isEqualTo("Front desk");
        assertThat(tenant.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
        Browser.screenshots(browser, "channels-connect-error");

        browser.findElement(By.id("telegram-botToken")).sendKeys("not a token");
        browser.findElement(By.cssSelector("#telegram-form button[type=submit]")).click();
        assertThat(Browser.text(browser, "#telegram-botToken-error", "not a Telegram bot token").getText())
                .contains("@BotFather");
        assertThat(tenant.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
    }

    @Test
    void agentSettingsShowTheApisFieldErrorsAndDocumentsAreAddedAndDeleted() {
        TestTenant tenant = newTenant("uiagent");
        logInAs(tenant);
        open("/agent");

        assertThat(browser.findElement(By.cssSelector("fieldset[data-llm]")).isDisplayed())
                .as("the model settings show only for the llm kind").isFalse();
        Browser.visible(browser, "#kind-llm").click();
        browser.findElement(By.id("llm-baseUrl")).sendKeys("not a url");
        browser.findElement(By.id("llm-model")).sendKeys("gpt-4o-mini");
        browser.findElement(By.cssSelector("#agent-form button[type=submit]")).click();
        assertThat(Browser.visible(browser, "[data-error-for='llm.baseUrl']").getText()).contains("http(s) URL");
        assertThat(Browser.text(browser, "[data-saved]", "Not saved").getText()).isNotEmpty();
        assertThat(tenant.api().get("/api/v1/agent").text("kind")).isNotEqualTo("llm");

        Browser.visible(browser, "#kind-echo").click();
        browser.findElement(By.cssSelector("#agent-form button[type=submit]")).click();
        Browser.text(browser, "[data-saved]", "Saved.");
        assertThat(tenant.api().get("/api/v1/agent").text("kind")).isEqualTo("echo");

        browser.findElement(By.id("document-title")).sendKeys("Breakfast");
        browser.findElement(By.id("document-content")).sendKeys("# Breakfast\nBreakfast is served from 7 to 10.");
        browser.findElement(By.cssSelector("#document-form button[type=submit]")).click();
        Browser.text(browser, "table.documents tbody th", "Breakfast");
        assertThat(tenant.api().get("/api/v1/knowledge/documents").json().path("total").asInt()).isEqualTo(1);
        Browser.screenshots(browser, "agent");

        browser.findElement(By.cssSelector("table.documents details.confirm summary")).click();
        Browser.visible(browser, "table.documents details.confirm button.danger").click();
        Browser.text(browser, ".flash.notice", "was deleted");
        assertThat(browser.findElements(By.cssSelector("table.documents"))).isEmpty();
        assertThat(tenant.api().get("/api/v1/knowledge/documents").json().path("total").asInt()).isZero();
    }

    @Test
    void googleCalendarConnectsThroughTheProvidersConsentPage() {
        GoogleEmulator google = Sandboxes.google();
        google.registerClient(GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, baseUrl() + "/oauth/google/callback");
        TestTenant tenant = newTenant("uical");
        google.account(tenant.slug() + "@calendar.test");
        logInAs(tenant);

        browser.findElement(By.cssSelector("#connect-google summary")).click();
        WebElement name = Browser.visible(browser, "#google-name");
        name.clear();
        name.sendKeys("Bookings calendar");
        browser.findElement(By.cssSelector("#google-form button[type=submit]")).click();

        WebElement card = Browser.text(browser, ".card.channel", "Bookings calendar");
        assertThat(card.findElement(By.cssSelector(".badge")).getAttribute("data-status")).isEqualTo("active");
        assertThat(card.getText()).contains("Google Calendar").contains(tenant.slug() + "@calendar.test");
        assertThat(Browser.visible(browser, ".flash.notice").getText()).contains("\u201cBookings calendar\u201d is connected");
        assertThat(tenant.api().get("/api/v1/integrations").json().path("items").get(0).path("type").asString())
                .isEqualTo("google_calendar");
    }

    private static long guestId() {
        return 6_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }
}
