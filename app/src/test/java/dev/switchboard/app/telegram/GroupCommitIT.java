package dev.switchboard.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.inbound.InboundGroupCommit;
import dev.switchboard.core.inbound.InboxMover;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Group commit: concurrent webhooks share inbox commits, and the inbox mover stores them in
 * shared transactions, each update once; a delivery that fails inside a group fails alone, and
 * one that cannot be stored yet stays in the inbox for a later try.
 */
class GroupCommitIT extends TelegramIT {

    private static final int UPDATES = 240;
    private static final int CHATS = 12;
    private static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @Autowired
    private InboundGroupCommit groupCommit;

    @Autowired
    private InboxMover mover;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void concurrentWebhooksShareTransactionsAndEachUpdateIsStoredOnce() throws Exception {
        Connected connected = silentBot("group");
        String path = webhookPath(connected);
        String secret = telegram.webhookInfo(connected.bot().token()).secret();
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < UPDATES; i++) {
            byte[] update = TelegramPipelineIT.update(730_000_000L + i, 5_100_000_000L + i % CHATS, "group " + i)
                    .getBytes(StandardCharsets.UTF_8);
            for (int copy = 0; copy < 2; copy++) { // every update also arrives as a concurrent redelivery
                posts.add(() -> post(path, update, secret).status());
            }
        }
        for (int i = 0; i < 10; i++) {
            posts.add(() -> post(path, "{\"update_id\": ".getBytes(StandardCharsets.UTF_8), secret).status());
        }
        Collections.shuffle(posts);

        List<Integer> statuses;
        mover.stop(); // the deliveries stay in the inbox, to be looked at
        try {
            statuses = runConcurrently(posts, 24);
            String inbox = "FROM public.inbox WHERE tenant_id = '" + connected.tenant().id() + "'::uuid";
            assertThat(count("SELECT count(*) " + inbox)).isEqualTo(2L * UPDATES);
            // the rows written by one transaction share its xmin: fewer transactions than webhooks means groups
            assertThat(count("SELECT count(DISTINCT xmin::text) " + inbox)).isLessThan(UPDATES);
        } finally {
            mover.start();
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(2 * UPDATES);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(10);
        awaitEmptyInbox(connected.tenant().id());
        String messages = "FROM " + connected.tenant().schema() + ".message WHERE integration_id = '"
                + connected.integrationId() + "'::uuid";
        assertThat(count("SELECT count(*) " + messages)).isEqualTo(UPDATES);
        assertThat(count("SELECT count(DISTINCT external_id) " + messages)).isEqualTo(UPDATES);
        assertThat(count("SELECT count(*) FROM " + connected.tenant().schema() + ".conversation")).isEqualTo(CHATS);
        assertThat(count("SELECT count(*) FROM " + connected.tenant().schema() + ".contact")).isEqualTo(CHATS);
        // the rows written by one transaction share its xmin: fewer transactions than updates means groups
        assertThat(count("SELECT count(DISTINCT xmin::text) " + messages)).isLessThan(UPDATES * 3L / 4);
        // and the rows written by one statement share its command id too: each guest's contact
        // (not rewritten since: the guest's profile did not change) and first message were stored
        // by one statement (conversations are rewritten by every message, so they cannot tell)
        String schema = connected.tenant().schema();
        assertThat(count("SELECT count(*) FROM " + schema + ".contact p JOIN " + schema + ".conversation c"
                + " ON c.contact_id = p.id WHERE EXISTS (SELECT 1 FROM " + schema + ".message m WHERE m.conversation_id = c.id"
                + " AND m.xmin::text = p.xmin::text AND m.cmin::text = p.cmin::text)")).isEqualTo(CHATS);
        eventually(() -> assertThat(count("SELECT count(*) FROM public.work_item WHERE tenant_id = '"
                + connected.tenant().id() + "'::uuid")).isZero());
        assertThat(connected.tenant().api().get("/api/v1/integrations/" + connected.integrationId()).json()
                .path("messagesReceived").asLong()).isEqualTo(UPDATES);
    }

    @Test
    void aDeliveryThatCannotBeStoredFailsAloneAndTheRestOfItsGroupIsStored() throws Exception {
        Connected connected = silentBot("group_failure");
        TenantRef tenant = connected.tenant().ref();
        UUID integrationId = UUID.fromString(connected.integrationId());
        UUID unknownIntegration = UUID.randomUUID(); // its rows violate the integration foreign key
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID target = i % 6 == 5 ? unknownIntegration : integrationId;
            // a message without a chat cannot be stored (conversation.chat_id is required)
            String chat = i == 7 ? null : Long.toString(5_200_000_000L + i);
            InboundMessage message = new InboundMessage("direct-" + i, chat,
                    new InboundMessage.Sender(Long.toString(5_200_000_000L + i), "Guest " + i, null, null, "en"),
                    MessageKind.TEXT, "direct " + i, Map.of(), Integer.toString(i), Instant.now());
            deliveries.add(() -> {
                start.await();
                try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                    groupCommit.append(target, "telegram", List.of(message));
                    return 1;
                }
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(deliveries.size());
        try {
            List<Future<Integer>> results = deliveries.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(1); // every one accepted into the inbox
            }
        } finally {
            threads.shutdown();
        }
        String inbox = "SELECT count(*) FROM public.inbox WHERE tenant_id = '" + tenant.id() + "'::uuid";
        // the unknown integration's are dropped (it is gone); the chatless one waits for a later try
        eventually(() -> assertThat(count(inbox)).isEqualTo(1));
        assertThat(count(inbox + " AND attempts >= 1 AND next_attempt_at > now()")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM " + connected.tenant().schema() + ".message WHERE external_id LIKE 'direct-%'"))
                .isEqualTo(24);
        assertThat(count("SELECT count(*) FROM " + connected.tenant().schema() + ".message WHERE integration_id = '"
                + unknownIntegration + "'::uuid")).isZero();
        jdbc.sql("DELETE FROM public.inbox WHERE tenant_id = :tenant").param("tenant", tenant.id()).update();
    }

    /** A webhook bot whose tenant has no agent: what is stored stays as it came in. */
    private Connected silentBot(String prefix) {
        Connected connected = connectEchoBot(prefix, "webhook");
        assertThat(connected.tenant().api().put("/api/v1/agent", Map.of("kind", "none")).status()).isEqualTo(200);
        return connected;
    }

    private static List<Integer> runConcurrently(List<Callable<Integer>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String webhookPath(Connected connected) {
        String url = connected.view().path("webhookUrl").asString();
        return url.substring(url.indexOf("/webhooks/"));
    }

    private Api.Response post(String path, byte[] body, String secret) {
        return anonymous().postRaw(path, "application/json", body, Map.of(SECRET_HEADER, secret));
    }
}
