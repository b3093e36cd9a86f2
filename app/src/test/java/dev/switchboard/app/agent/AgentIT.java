package dev.switchboard.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.sandbox.openai.OpenAiEmulator;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TgUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the agent tests share: tenants with their own bot and agent, documents, and questions asked in Telegram. */
abstract class AgentIT extends TelegramIT {

    static final String HANDOFF_LINE = "Thank you, a person will answer you here shortly.";
    private static final AtomicLong USERS = new AtomicLong(5_600_000_000L);

    protected final OpenAiEmulator openai = OpenAi.emulator();

    /** A new tenant with its own webhook bot and the given agent settings ({@code PUT /api/v1/agent}). */
    protected Connected connectBot(String prefix, Map<String, Object> agent) {
        TestTenant tenant = newTenant(prefix);
        Api.Response set = tenant.api().put("/api/v1/agent", agent);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        Bot bot = telegram.createBot(prefix + "_bot");
        Api.Response created = tenant.api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "Front desk",
                "credentials", Map.of("botToken", bot.token()), "settings", Map.of("mode", "webhook")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Connected(tenant, bot, created.text("id"), created.json());
    }

    protected static String addDocument(TestTenant tenant, String title, String content) {
        Api.Response created = tenant.api().post("/api/v1/knowledge/documents", Map.of("title", title, "content", content));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    protected TgUser guest(String name, String language) {
        long id = USERS.incrementAndGet();
        return telegram.user(id, name, name.toLowerCase() + id, language);
    }

    /** Writes {@code text} to the bot and returns what the bot answered to it (waits for {@code replies} messages). */
    protected List<String> ask(Connected connected, TgUser guest, String text, int replies) {
        int before = sent(connected, guest).size();
        telegram.injectText(connected.bot().token(), guest, text);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> sent(connected, guest).size() >= before + replies);
        List<SentMessage> all = sent(connected, guest);
        return all.subList(before, all.size()).stream().map(SentMessage::text).toList();
    }

    protected List<SentMessage> sent(Connected connected, TgUser guest) {
        return telegram.sentMessages(connected.bot().token(), guest.id());
    }

    protected String conversationId(Connected connected, TgUser guest) {
        return connected.tenant().api().get("/api/v1/conversations?q=" + guest.id()).json().path("items").valueStream()
                .filter(c -> c.path("chatId").asString().equals(Long.toString(guest.id())))
                .findFirst().orElseThrow().path("id").asString();
    }

    protected String mode(Connected connected, String conversationId) {
        return connected.tenant().api().get("/api/v1/conversations/" + conversationId).text("mode");
    }
}
