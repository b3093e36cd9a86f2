package dev.switchboard.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar switchboard.jar --demo} as a newcomer runs it, in an empty directory: the
 * emulators start inside the server, the demo tenant is seeded and the login printed; the newcomer
 * logs in, chats as a guest on the phone page (Telegram and WhatsApp) and sees the conversations in
 * the inbox. A restart seeds nothing twice and the demo still works.
 */
class DemoModeIT {

    private static final String EMAIL = "demo@switchboard.local";
    private static final String PASSWORD = "demo-password";

    @TempDir
    Path workDir;

    private final ChromeDriver browser = Browser.shared();

    @RegisterExtension
    final TestWatcher keepFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Browser.failure(browser, "DemoModeIT");
        }
    };

    @Test
    void aNewcomerRunsTheDemoChatsAsAGuestAndRestartsIt() throws Exception {
        try (ServerProcess server = ServerProcess.start(workDir, Map.of(), "--demo")) {
            assertThat(server.output()).contains("Switchboard demo is running")
                    .contains(server.baseUrl() + "/login").contains(EMAIL + "  /  " + PASSWORD)
                    .contains(server.baseUrl() + "/demo/phone");
            logIn(server);
            browser.get(server.baseUrl() + "/channels");
            assertThat(browser.findElements(By.cssSelector(".card.channel .badge[data-status=active]"))).hasSize(2);
            Browser.screenshots(browser, "demo-channels");

            chat(server, "telegram", "When is breakfast?", "Breakfast is served from 7:00");
            Browser.screenshots(browser, "demo-phone");
            chat(server, "whatsapp", "Is there parking?", "garage");

            browser.get(server.baseUrl() + "/inbox");
            // each conversation shows its latest words: the FAQ agent's answers
            Browser.text(browser, "#conversation-list .conv", "garage");
            Browser.text(browser, "#conversation-list .conv", "Breakfast is served");
            Browser.screenshots(browser, "demo-inbox");
            server.stop();
        }

        try (ServerProcess again = ServerProcess.start(workDir, Map.of(), "--demo")) {
            assertThat(again.output()).contains("Switchboard demo is running");
            Api admin = new Api(again.baseUrl(), Map.of("Authorization", "Bearer "
                    + Files.readString(workDir.resolve("data").resolve("admin-token")).trim()));
            JsonNode tenants = admin.get("/api/v1/tenants").json().path("items");
            assertThat(tenants.valueStream().filter(t -> t.path("slug").asString().equals("demo")).count()).isEqualTo(1);
            Api demo = admin.withHeader("X-Tenant", "demo");
            JsonNode integrations = demo.get("/api/v1/integrations").json().path("items");
            assertThat(integrations.valueStream().map(i -> i.path("type").asString() + "/" + i.path("status").asString()))
                    .containsExactlyInAnyOrder("telegram/active", "greenapi/active");
            assertThat(demo.get("/api/v1/knowledge/documents").json().path("total").asInt()).isEqualTo(1);

            logIn(again);
            chat(again, "telegram", "What is the Wi-Fi network?", "DemoHotel-Guests");
            again.stop();
        }
    }

    private void logIn(ServerProcess server) {
        browser.get(server.baseUrl() + "/login");
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/login");
        Browser.visible(browser, "#username").sendKeys(EMAIL);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        Browser.waitFor(browser, d -> d.getCurrentUrl().endsWith("/inbox") ? true : null);
    }

    /** The guest writes on the phone page and waits for the hotel's answer to appear there. */
    private void chat(ServerProcess server, String app, String question, String answer) {
        browser.get(server.baseUrl() + "/demo/phone?app=" + app);
        Browser.visible(browser, "#phone-text").sendKeys(question);
        browser.findElement(By.cssSelector(".phone-send button[type=submit]")).click();
        Browser.text(browser, "#phone-chat .bubble.out .text", question);
        Browser.text(browser, "#phone-chat .bubble.in .text", answer);
        assertThat(browser.findElement(By.id("phone-text")).getAttribute("value")).isEmpty();
    }
}
