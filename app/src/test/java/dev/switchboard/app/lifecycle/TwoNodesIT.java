package dev.switchboard.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.SendTimes;
import dev.switchboard.app.support.EchoTenant;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.app.support.ServerProcess;
import dev.switchboard.app.support.TestDatabase;
import dev.switchboard.sandbox.telegram.ApiCall;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL: every work item runs once, the rate limits hold across
 * both (the buckets live in the database), and each scheduled job runs once per period across both.
 */
class TwoNodesIT {

    private static final int CHATS = 15;
    private static final int MESSAGES = 120;
    private static final String ADMIN = "adm_two_nodes_token";
    private static final Duration RECONCILE = Duration.ofSeconds(4);
    /** The default work lease ({@code switchboard.worker.lease}). */
    private static final Duration LEASE = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void twoNodesShareTheWorkTheLimitsAndTheSchedule() {
        TelegramEmulator telegram = Sandboxes.telegram();
        Bot bot = telegram.createBot("two_nodes_bot");
        try (TestDatabase database = TestDatabase.start()) {
            Map<String, String> env = new HashMap<>(database.serverEnvironment());
            // the nodes share one credential keyset, as a cluster must
            env.putAll(Map.of("SWITCHBOARD_ADMIN_TOKEN", ADMIN, "SWITCHBOARD_MASTER_KEY", newKeyset(),
                    "SWITCHBOARD_TELEGRAM_API_URL", telegram.baseUrl(),
                    "SWITCHBOARD_WORKER_THREADS", "4", "SWITCHBOARD_JOBS_RECONCILE_INTERVAL", RECONCILE.toSeconds() + "s"));
            try (ServerProcess a = ServerProcess.start(workDir.resolve("a"), with(env, "SWITCHBOARD_DATA_DIR", workDir.resolve("a/data")));
                 ServerProcess b = ServerProcess.start(workDir.resolve("b"), with(env, "SWITCHBOARD_DATA_DIR", workDir.resolve("b/data")))) {
                EchoTenant tenant = EchoTenant.create(a.baseUrl(), ADMIN, "two_nodes", bot);
                List<TgUser> guests = startChats(telegram, bot);
                Instant measuringJobsFrom = Instant.now();
                telegram.enforceRateLimits(1.0, 20, 30);
                try {
                    Api[] nodes = {tenant.api(a.baseUrl()), tenant.api(b.baseUrl())};
                    for (int n = 0; n < MESSAGES; n++) {
                        assertThat(nodes[n % 2].post("/api/v1/messages", Map.of("integrationId", tenant.integrationId(),
                                "to", Long.toString(guests.get(n % CHATS).id()), "text", "two-nodes-" + n)).status())
                                .isEqualTo(202);
                    }
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                            assertThat(database.count("SELECT count(*) FROM " + tenant.schema()
                                    + ".message WHERE text LIKE 'two-nodes-%' AND status = 'sent'")).isEqualTo(MESSAGES));
                } finally {
                    telegram.disableRateLimits();
                }
                sleep(RECONCILE.multipliedBy(2));

                // every item ran once: each message went out exactly once, on its first attempt
                Map<String, Long> deliveries = sent(telegram, bot).stream()
                        .collect(Collectors.groupingBy(SentMessage::text, Collectors.counting()));
                assertThat(deliveries).hasSize(MESSAGES).allSatisfy((text, times) -> assertThat(times).isEqualTo(1));
                assertThat(database.strings("SELECT concat_ws(' ', text, attempts, error) FROM " + tenant.schema()
                        + ".message WHERE text LIKE 'two-nodes-%' AND attempts <> 1")).as("sent on a later attempt").isEmpty();
                // and the queue drains (an item a node claimed and lost would come back after its lease)
                await().atMost(LEASE.plusSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(database.strings("SELECT concat_ws(' ', kind, ref_id, attempts, lease_owner, "
                                + "run_at - now(), last_error) FROM public.work_item")).as("work items left").isEmpty());

                // the limits held across both nodes
                assertThat(telegram.calls(bot.token())).extracting(ApiCall::status).doesNotContain(429);
                List<Instant> all = sent(telegram, bot).stream().map(SentMessage::at).toList();
                assertThat(SendTimes.maxInAnyWindow(all, Duration.ofSeconds(1))).isLessThanOrEqualTo(31);
                for (TgUser guest : guests) {
                    List<Instant> chat = sent(telegram, bot).stream().filter(m -> m.chatId() == guest.id())
                            .map(SentMessage::at).toList();
                    assertThat(SendTimes.maxInAnyWindow(chat, Duration.ofSeconds(1))).as("chat %d", guest.id()).isLessThanOrEqualTo(1);
                }

                // the schedule ran once per period, not once per node
                List<Instant> reconciles = database.strings("SELECT extract(epoch FROM started_at) FROM public.job_run "
                                + "WHERE job = 'reconcile' ORDER BY started_at").stream()
                        .map(s -> Instant.ofEpochMilli((long) (Double.parseDouble(s) * 1000)))
                        .filter(t -> t.isAfter(measuringJobsFrom)).toList();
                assertThat(reconciles).hasSizeGreaterThanOrEqualTo(2);
                for (int i = 1; i < reconciles.size(); i++) {
                    assertThat(Duration.between(reconciles.get(i - 1), reconciles.get(i)))
                            .isGreaterThanOrEqualTo(RECONCILE.dividedBy(2));
                }
            }

            // a node with a keyset of its own would fail on every credential: it refuses to start instead
            try (ServerProcess stranger = ServerProcess.launch(workDir.resolve("c"), with(with(env, "SWITCHBOARD_MASTER_KEY", ""),
                    "SWITCHBOARD_DATA_DIR", workDir.resolve("c/data")))) {
                assertThat(stranger.awaitExit(Duration.ofSeconds(90))).isNotZero();
                assertThat(stranger.output()).contains("is not the one this database's credentials were sealed with");
            }
        }
    }

    private static String newKeyset() {
        try {
            com.google.crypto.tink.aead.AeadConfig.register();
            return com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                    com.google.crypto.tink.KeysetHandle.generateNew(com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM),
                    com.google.crypto.tink.InsecureSecretKeyAccess.get());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SentMessage> sent(TelegramEmulator telegram, Bot bot) {
        return telegram.sentMessages(bot.token()).stream().filter(m -> m.text().startsWith("two-nodes-")).toList();
    }

    private static List<TgUser> startChats(TelegramEmulator telegram, Bot bot) {
        List<TgUser> guests = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            TgUser guest = telegram.user(6_300_000_000L + i, "Guest" + i, "two" + i, "en");
            telegram.injectText(bot.token(), guest, "hello");
            guests.add(guest);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> telegram.sentMessages(bot.token()).size() == CHATS);
        return guests;
    }

    private static Map<String, String> with(Map<String, String> env, String name, Object value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value.toString());
        return copy;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
