package dev.switchboard.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.EchoTenant;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.app.support.ServerProcess;
import dev.switchboard.app.support.TestDatabase;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.Fault;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backlog survives {@code kill -9}: 500 queued sends, the server killed while delivering them;
 * after a restart every message ends sent or failed and none is lost, and only sends in flight at
 * the kill go out twice. The restart also re-registers the bot's webhook, deleted behind our back
 * while the server was down, with no user action.
 */
class DeliveryCrashIT {

    private static final int MESSAGES = 500;
    private static final int CHATS = 25;
    private static final int WORKERS = 8;
    private static final String ADMIN = "adm_backlog_test_token";

    @TempDir
    Path workDir;

    @Test
    void aKilledServerLosesNoQueuedSendAndReRegistersItsBotsOnRestart() {
        TelegramEmulator telegram = Sandboxes.telegram();
        Bot bot = telegram.createBot("backlog_bot");
        try (TestDatabase database = TestDatabase.start()) {
            Map<String, String> env = new HashMap<>(database.serverEnvironment());
            env.putAll(Map.of("SWITCHBOARD_ADMIN_TOKEN", ADMIN, "SWITCHBOARD_DATA_DIR", workDir.resolve("data").toString(),
                    "SWITCHBOARD_TELEGRAM_API_URL", telegram.baseUrl(), "SWITCHBOARD_WORKER_LEASE", "6s",
                    "SWITCHBOARD_WORKER_THREADS", Integer.toString(WORKERS), "SWITCHBOARD_DELIVERY_RATE_SCALE", "1"));
            EchoTenant tenant;
            ServerProcess first = ServerProcess.start(workDir, env);
            try {
                tenant = EchoTenant.create(first.baseUrl(), ADMIN, "backlog", bot);
                List<TgUser> guests = startChats(telegram, bot);
                Api api = tenant.api(first.baseUrl());
                IntStream.range(0, MESSAGES).parallel().forEach(n -> assertThat(api.post("/api/v1/messages", Map.of(
                        "integrationId", tenant.integrationId(), "to", Long.toString(guests.get(n % CHATS).id()),
                        "text", text(n))).status()).isEqualTo(202));
                await().atMost(Duration.ofSeconds(60)).until(() -> delivered(telegram, bot).size() >= MESSAGES / 3);
                telegram.armFault(bot.token(), "sendMessage", Fault.hang(Duration.ofSeconds(8)), WORKERS);
                sleep(400);
            } finally {
                first.kill9();
            }
            int deliveredBeforeKill = new HashSet<>(delivered(telegram, bot)).size();
            telegram.deleteWebhookBehindBack(bot.token());

            try (ServerProcess second = ServerProcess.start(workDir, env)) {
                String webhookNow = tenant.api(second.baseUrl()).get("/api/v1/integrations/" + tenant.integrationId())
                        .text("webhookUrl");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(telegram.webhookInfo(bot.token()).url()).isEqualTo(webhookNow));

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(database.count("SELECT count(*) FROM " + tenant.schema() + ".message WHERE direction = 'out'"
                                + " AND text LIKE 'backlog-%' AND status NOT IN ('sent', 'failed')")).isZero());
                assertThat(database.count("SELECT count(*) FROM " + tenant.schema()
                        + ".message WHERE text LIKE 'backlog-%' AND status = 'sent'")).isEqualTo(MESSAGES);

                Map<String, Long> deliveries = delivered(telegram, bot).stream()
                        .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
                assertThat(deliveries).hasSize(MESSAGES);
                Set<String> doubled = deliveries.entrySet().stream().filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey).collect(Collectors.toSet());
                Set<String> retried = new HashSet<>(database.strings("SELECT text FROM " + tenant.schema()
                        + ".message WHERE text LIKE 'backlog-%' AND attempts > 1"));
                System.out.printf("backlog crash test: %d of %d delivered before kill -9; %d sent twice (in flight at "
                        + "the kill); webhook re-registered at restart%n", deliveredBeforeKill, MESSAGES, doubled.size());
                assertThat(deliveredBeforeKill).isBetween(1, MESSAGES - 1);
                assertThat(retried).containsAll(doubled);
                assertThat(doubled.size()).isLessThanOrEqualTo(WORKERS);
            }
        }
    }

    private static List<TgUser> startChats(TelegramEmulator telegram, Bot bot) {
        List<TgUser> guests = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            TgUser guest = telegram.user(6_200_000_000L + i, "Guest" + i, "backlog" + i, "en");
            telegram.injectText(bot.token(), guest, "hello");
            guests.add(guest);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.sentMessages(bot.token()).size() == CHATS);
        return guests;
    }

    private static List<String> delivered(TelegramEmulator telegram, Bot bot) {
        return telegram.sentMessages(bot.token()).stream().map(SentMessage::text).filter(t -> t.startsWith("backlog-"))
                .toList();
    }

    private static String text(int n) {
        return "backlog-" + n;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
