package dev.switchboard.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.AppIT;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.WebhookInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the Telegram tests share: a tenant with an echo agent and a connected bot of its own. */
public abstract class TelegramIT extends AppIT {

    protected final TelegramEmulator telegram = Sandboxes.telegram();

    public record Connected(TestTenant tenant, Bot bot, String integrationId, JsonNode view) {
    }

    protected Connected connectEchoBot(String prefix, String mode) {
        TestTenant tenant = newTenant(prefix);
        assertThat(tenant.api().put("/api/v1/agent", Map.of("kind", "echo")).status()).isEqualTo(200);
        Bot bot = telegram.createBot(prefix + "_bot");
        Api.Response created = tenant.api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "Front desk",
                "credentials", Map.of("botToken", bot.token()), "settings", Map.of("mode", mode)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Connected(tenant, bot, created.text("id"), created.json());
    }

    /** The inbound and outbound messages of a tenant's conversation with one chat. */
    protected List<JsonNode> messagesOfChat(TestTenant tenant, long chatId) {
        JsonNode conversations = tenant.api().get("/api/v1/conversations?q=" + chatId).json().path("items");
        for (JsonNode conversation : conversations) {
            if (conversation.path("chatId").asString().equals(Long.toString(chatId))) {
                JsonNode items = tenant.api().get("/api/v1/conversations/" + conversation.path("id").asString()
                        + "/messages?size=200").json().path("items");
                return items.valueStream().toList();
            }
        }
        return List.of();
    }

    /** The guest writes first (a bot may only write to people who started it) and gets the echo. */
    protected void startChat(Connected connected, dev.switchboard.sandbox.telegram.TgUser guest) {
        telegram.injectText(connected.bot().token(), guest, "hello");
        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), guest.id()))
                .extracting(dev.switchboard.sandbox.telegram.SentMessage::text).contains("hello"));
    }

    protected Api.Response send(Connected connected, long chatId, String text) {
        Api.Response response = connected.tenant().api().post("/api/v1/messages", Map.of(
                "integrationId", connected.integrationId(), "to", Long.toString(chatId), "text", text));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response;
    }

    protected JsonNode message(Connected connected, Api.Response queued) {
        return connected.tenant().api().get("/api/v1/messages/" + queued.text("id")).json();
    }

    protected static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }
}
