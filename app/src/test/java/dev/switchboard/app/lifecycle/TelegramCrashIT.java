package dev.switchboard.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.app.support.ServerProcess;
import dev.switchboard.app.support.TestDatabase;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.Fault;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost when the server dies. 2,000 distinct updates are posted by 8
 * concurrent clients while the server (the built jar) is killed with {@code kill -9} midway;
 * after a restart and the redelivery of whatever got no 200, exactly 2,000 inbound messages are
 * stored and every echo is sent. Sends in flight at the kill may go out twice: they are counted,
 * reported, and checked to be only those.
 */
class TelegramCrashIT {

    private static final int UPDATES = 2000;
    private static final int CLIENTS = 8;
    private static final int CHATS = 100;
    private static final int WORKERS = 8;
    private static final String ADMIN = "adm_crash_test_token";
    private static final String CRASH_TEXT = " AND text LIKE 'crash-test-message-%'";

    private static TestDatabase database;

    @TempDir
    Path workDir;

    @BeforeAll
    static void database() {
        database = TestDatabase.start();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void updatesAcceptedBeforeAKillAreNeitherLostNorDoubled() throws Exception {
        TelegramEmulator telegram = Sandboxes.telegram();
        Bot bot = telegram.createBot("crash_bot");
        List<TgUser> guests = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            guests.add(telegram.user(6_100_000_000L + i, "Guest" + i, "guest" + i, "en"));
        }
        Map<String, String> env = new java.util.HashMap<>(database.serverEnvironment());
        env.putAll(Map.of(
                "SWITCHBOARD_ADMIN_TOKEN", ADMIN,
                "SWITCHBOARD_DATA_DIR", workDir.resolve("data").toString(),
                "SWITCHBOARD_TELEGRAM_API_URL", telegram.baseUrl(),
                "SWITCHBOARD_WORKER_LEASE", "8s",
                "SWITCHBOARD_WORKER_THREADS", Integer.toString(WORKERS),
                "SWITCHBOARD_DELIVERY_RATE_SCALE", "20"));

        ServerProcess first = ServerProcess.start(workDir, env);
        String schema;
        String webhookPath;
        try {
            Api admin = new Api(first.baseUrl(), Map.of("Authorization", "Bearer " + ADMIN));
            String apiKey = admin.post("/api/v1/tenants", Map.of("slug", "crash", "name", "Crash",
                    "ownerEmail", "crash@example.test", "ownerPassword", "long enough password")).text("apiKey");
            Api tenant = new Api(first.baseUrl(), Map.of("Authorization", "Bearer " + apiKey));
            tenant.put("/api/v1/agent", Map.of("kind", "echo"));
            Api.Response integration = tenant.post("/api/v1/integrations", Map.of("type", "telegram", "name", "bot",
                    "credentials", Map.of("botToken", bot.token()), "settings", Map.of("mode", "webhook")));
            assertThat(integration.status()).as(integration.body()).isEqualTo(201);
            String url = integration.text("webhookUrl");
            webhookPath = url.substring(url.indexOf("/webhooks/"));
            schema = "t_crash";
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
        String secret = telegram.webhookInfo(bot.token()).secret();
        // a bot may only write to people who wrote to it first: every guest says hello through Telegram
        guests.forEach(guest -> telegram.injectText(bot.token(), guest, "hello"));
        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.sentMessages(bot.token()).size() == CHATS);

        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger cursor = new AtomicInteger();
        postAll(first, webhookPath, secret, guests, acknowledged, cursor, () -> {
            // make sure sends are in flight when the process dies
            telegram.armFault(bot.token(), "sendMessage", Fault.hang(Duration.ofSeconds(10)), WORKERS);
            sleep(500);
            first.kill9();
        });
        int acknowledgedBeforeKill = acknowledged.size();
        long leasedByTheDead = query("SELECT count(*) FROM public.work_item WHERE lease_owner LIKE '" + first.pid()
                + "@%' AND run_at > now()");

        try (ServerProcess second = ServerProcess.start(workDir, env)) {
            for (int n = 0; n < UPDATES; n++) {
                if (!acknowledged.contains(n)) {
                    assertThat(post(second.baseUrl() + webhookPath, secret, n, guests)).isEqualTo(200);
                }
            }

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(query("SELECT count(*) FROM " + schema + ".message WHERE direction = 'in'" + CRASH_TEXT))
                        .isEqualTo(UPDATES);
                assertThat(query("SELECT count(*) FROM " + schema + ".message WHERE direction = 'out' AND status = 'sent'"
                        + CRASH_TEXT)).isEqualTo(UPDATES);
            });
            assertThat(query("SELECT count(DISTINCT external_id) FROM " + schema + ".message WHERE direction = 'in'"
                    + CRASH_TEXT)).isEqualTo(UPDATES);
            assertThat(query("SELECT count(*) FROM " + schema + ".message WHERE direction = 'in'")).isEqualTo(UPDATES + CHATS);
            assertThat(query("SELECT count(*) FROM public.work_item")).isZero();

            Map<String, Long> deliveries = telegram.sentMessages(bot.token()).stream()
                    .filter(sent -> sent.text().startsWith("crash-test-message-"))
                    .collect(Collectors.groupingBy(SentMessage::text, Collectors.counting()));
            for (int n = 0; n < UPDATES; n++) {
                assertThat(deliveries.getOrDefault(text(n), 0L)).as("echo of update %d", n).isPositive();
            }
            Set<String> doubled = deliveries.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            Set<String> retriedAfterTheKill = strings("SELECT text FROM " + schema
                    + ".message WHERE direction = 'out' AND attempts > 1");
            System.out.printf("crash test: %d of %d updates acknowledged before kill -9; %d work items leased by the "
                            + "killed process were taken over; %d echo replies sent twice (in flight at the kill)%n",
                    acknowledgedBeforeKill, UPDATES, leasedByTheDead, doubled.size());
            assertThat(acknowledgedBeforeKill).isBetween(1, UPDATES - 1);
            assertThat(leasedByTheDead).as("items leased by the killed process").isPositive();
            assertThat(retriedAfterTheKill).containsAll(doubled);
            assertThat(doubled.size()).isLessThanOrEqualTo(WORKERS);
        }
    }

    /**
     * 8 clients post updates 0..1999; when half are acknowledged, {@code kill} runs once. From
     * then on the clients slow down to one post per 25 ms each, so the kill lands midway however
     * fast the server takes them in (a fast one took the other half within the kill's wait).
     */
    private static void postAll(ServerProcess server, String path, String secret, List<TgUser> guests,
                                Set<Integer> acknowledged, AtomicInteger cursor, Runnable kill) throws Exception {
        AtomicInteger killed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                for (int n = cursor.getAndIncrement(); n < UPDATES; n = cursor.getAndIncrement()) {
                    if (killed.get() == 1) {
                        sleep(25);
                    }
                    int status = post(server.baseUrl() + path, secret, n, guests);
                    if (status == 200) {
                        acknowledged.add(n);
                    }
                    if (acknowledged.size() >= UPDATES / 2 && killed.compareAndSet(0, 1)) {
                        kill.run();
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int post(String url, String secret, int n, List<TgUser> guests) {
        TgUser guest = guests.get(n % guests.size());
        String body = """
                {"update_id": %d, "message": {"message_id": %d, "date": 1764000000,
                 "from": {"id": %d, "is_bot": false, "first_name": "%s"},
                 "chat": {"id": %d, "type": "private"}, "text": "%s"}}
                """.formatted(900_000_000 + n, n + 1, guest.id(), guest.firstName(), guest.id(), text(n));
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("X-Telegram-Bot-Api-Secret-Token", secret)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String text(int n) {
        return "crash-test-message-" + n;
    }

    private static long query(String sql) {
        return database.count(sql);
    }

    private static Set<String> strings(String sql) {
        return new java.util.HashSet<>(database.strings(sql));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
