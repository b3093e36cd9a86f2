package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The administrator in the browser: the login page, the tenant list, any tenant's pages (acting
 * for it until leaving it), and the monitoring dashboard with this run's real traffic.
 */
class AdminUiIT extends BrowserIT {

    private final TelegramEmulator telegram = Sandboxes.telegram();

    @Test
    void theAdministratorSeesEveryTenantOpensOneAndReadsTheDashboard() {
        TestTenant tenant = newTenant("uiadmin");
        assertThat(tenant.api().put("/api/v1/agent", Map.of("kind", "echo")).status()).isEqualTo(200);
        Bot bot = telegram.createBot(tenant.slug() + "_bot");
        assertThat(tenant.api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "Reception",
                "credentials", Map.of("botToken", bot.token()))).status()).isEqualTo(201);
        TgUser guest = telegram.user(7_900_000_000L + ThreadLocalRandom.current().nextLong(1_000_000L), "Jon", null, "en");
        for (int i = 1; i <= 5; i++) {
            telegram.injectText(bot.token(), guest, "message " + i);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                telegram.sentMessages(bot.token(), guest.id())).extracting(SentMessage::text).contains("message 5"));

        open("/login");
        browser.manage().deleteAllCookies();
        open("/login");
        Browser.visible(browser, "#username");
        Browser.screenshots(browser, "login");
        logIn("admin", ADMIN_TOKEN);
        assertThat(browser.getCurrentUrl()).endsWith("/admin/tenants");
        Browser.visible(browser, "tr[data-slug='" + tenant.slug() + "']");
        Browser.screenshots(browser, "admin-tenants");

        browser.findElement(By.cssSelector("tr[data-slug='" + tenant.slug() + "'] button")).click();
        assertThat(Browser.text(browser, ".acting", tenant.slug()).getText()).contains("Administrator view of");
        assertThat(Browser.text(browser, ".card.channel", "Reception").getText()).contains("Active");
        open("/inbox");
        Browser.text(browser, "#conversation-list .conv", "Jon");

        open("/api/v1/monitoring/dashboard");
        assertThat(Browser.visible(browser, "h1").getText()).contains("Switchboard monitoring");
        Browser.screenshots(browser, "monitoring-dashboard");

        open("/channels");
        browser.findElement(By.cssSelector(".acting button")).click();
        Browser.waitFor(browser, d -> d.getCurrentUrl().endsWith("/admin/tenants") ? true : null);
        assertThat(browser.findElements(By.cssSelector(".acting"))).isEmpty();
        open("/channels");
        assertThat(browser.getCurrentUrl()).as("without a chosen tenant, tenant pages lead to the list")
                .endsWith("/admin/tenants");
    }
}
