package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.config.SwitchboardProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox mover: deliveries leave the inbox for the tenant's schema in the order they came, and
 * a delivery that is moved again (its removal lost in a crash, or a redelivery) changes nothing.
 * In this package: it appends to {@link InboxRows} directly.
 */
class InboxMoverIT extends TelegramIT {

    @Autowired
    private InboxRows inbox;

    @Autowired
    private InboxMover mover;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private InboundStore store;

    @Autowired
    private IngestPressure pressure;

    @Autowired
    private SwitchboardProperties properties;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aDeliveryMovedAgainChangesNothing() {
        Connected connected = silentBot("inbox_again");
        UUID integrationId = UUID.fromString(connected.integrationId());
        List<InboundEvent> delivery = List.of(message("again-1", "5350000001", "only once"));

        // the same delivery twice in one batch, then once more after it was stored
        append(connected, integrationId, delivery, delivery);
        awaitEmptyInbox(connected.tenant().id());
        append(connected, integrationId, delivery);
        awaitEmptyInbox(connected.tenant().id());

        assertThat(count("SELECT count(*) FROM " + connected.tenant().schema() + ".message WHERE external_id = 'again-1'"))
                .isEqualTo(1);
        eventually(() -> assertThat(count("SELECT count(*) FROM public.work_item WHERE tenant_id = '"
                + connected.tenant().id() + "'::uuid")).isZero());
        assertThat(connected.tenant().api().get("/api/v1/integrations/" + integrationId).json()
                .path("messagesReceived").asLong()).isEqualTo(1);
    }

    @Test
    void messagesAreStoredInTheOrderTheyCameWithTheTimeTheyWereAccepted() throws InterruptedException {
        Connected connected = silentBot("inbox_order");
        UUID integrationId = UUID.fromString(connected.integrationId());
        Instant moved;
        mover.stop(); // they wait in the inbox for a while, as behind a backlog
        try {
            for (int i = 0; i < 5; i++) {
                append(connected, integrationId, List.of(message("order-" + i, "5350000002", "turn " + i)));
            }
            Thread.sleep(300);
            moved = jdbc.sql("SELECT now()").query(OffsetDateTime.class).single().toInstant();
        } finally {
            mover.start();
        }
        awaitEmptyInbox(connected.tenant().id());

        String messages = " FROM " + connected.tenant().schema() + ".message WHERE external_id LIKE 'order-%'";
        assertThat(jdbc.sql("SELECT text" + messages + " ORDER BY created_at, id").query(String.class).list())
                .containsExactly("turn 0", "turn 1", "turn 2", "turn 3", "turn 4");
        // created_at is when the inbox took each one, not when they were moved together
        assertThat(count("SELECT count(DISTINCT created_at)" + messages)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT max(created_at)" + messages).query(OffsetDateTime.class).single().toInstant())
                .isBefore(moved);
    }

    /**
     * The mover reads messages from the rows' JSON in PostgreSQL; a poll's messages are stored from
     * the JVM's arrays. Every kind of message, stored both ways, must come out the same: the
     * message, its contact and its conversation, column by column.
     */
    @Test
    void messagesReadFromTheirInboxRowsAreStoredAsTheJvmStoresThem() {
        Connected connected = silentBot("inbox_same");
        UUID integrationId = UUID.fromString(connected.integrationId());
        TenantRef tenant = connected.tenant().ref();
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("latitude", 41.3874);
        location.put("longitude", 2.1686);
        location.put("big", 12_345_678_901L);
        location.put("none", null);
        location.put("sizes", List.of(Map.of("file_id", "p1", "width", 90)));
        for (String path : List.of("jvm", "inbox")) {
            String chat = path.equals("jvm") ? "5351000001" : "5352000001";
            List<InboundEvent> delivery = List.of(
                    new InboundMessage(path + "-1", chat, new InboundMessage.Sender(chat, "Ana Pérez", "ana", "+34600", "es"),
                            MessageKind.LOCATION, "aquí \"quoted\" \\ {x}", location, "77", Instant.now()),
                    new InboundMessage(path + "-2", chat, new InboundMessage.Sender(chat, null, null, null, null),
                            MessageKind.BUTTON, "confirm:9", Map.of(), null, Instant.now()),
                    new InboundMessage(path + "-3", chat, new InboundMessage.Sender(chat, "Ana P.", null, null, "es"),
                            MessageKind.TEXT, null, Map.of("caption", "line 1\nline 2"), "79", Instant.now()));
            if (path.equals("jvm")) {
                try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                    assertThat(store.store(integrationId, delivery)).isEqualTo(3);
                }
            } else {
                append(connected, integrationId, delivery);
                awaitEmptyInbox(connected.tenant().id());
            }
        }

        String schema = connected.tenant().schema();
        String columns = """
                SELECT m.direction, m.kind, m.text, m.payload::text, m.provider_message_id, m.status,
                       c.display_name, c.username, c.phone, c.language, right(v.chat_id, 1), v.contact_id = c.id
                FROM %1$s.message m JOIN %1$s.conversation v ON v.id = m.conversation_id
                     JOIN %1$s.contact c ON c.integration_id = m.integration_id AND c.external_id = v.chat_id
                WHERE m.external_id = '%2$s-' || :n
                """;
        for (int n = 1; n <= 3; n++) {
            List<Map<String, Object>> jvm = jdbc.sql(columns.formatted(schema, "jvm")).param("n", n).query().listOfRows();
            List<Map<String, Object>> moved = jdbc.sql(columns.formatted(schema, "inbox")).param("n", n).query().listOfRows();
            assertThat(jvm).hasSize(1);
            assertThat(moved).as("message %d", n).isEqualTo(jvm);
        }
    }

    /** A delivery with a receipt besides its message: the message stored by the statement, the receipt by the JVM. */
    @Test
    void aDeliveryWithOtherEventsHasThemStoredToo() {
        Connected connected = silentBot("inbox_mixed");
        UUID integrationId = UUID.fromString(connected.integrationId());
        append(connected, integrationId, List.of(message("mixed-1", "5353000001", "with a receipt"),
                new DeliveryReceipt("mixed-receipt-1", "no-such-message", DeliveryReceipt.Status.READ, null,
                        Instant.now())));
        awaitEmptyInbox(connected.tenant().id());

        String schema = connected.tenant().schema();
        assertThat(count("SELECT count(*) FROM " + schema + ".message WHERE external_id = 'mixed-1'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM " + schema + ".delivery_receipt WHERE provider_message_id = 'no-such-message'"))
                .isEqualTo(1);
        assertThat(connected.tenant().api().get("/api/v1/integrations/" + integrationId).json()
                .path("messagesReceived").asLong()).isEqualTo(1);
    }

    /**
     * While enough webhooks wait for their commits, a delivery stays in the inbox; once the burst
     * delay has passed since the mover last caught up, it is moved although they still wait.
     */
    @Test
    void duringABurstDeliveriesWaitInTheInboxForAtMostTheBurstDelay() throws InterruptedException {
        Connected connected = silentBot("inbox_burst");
        UUID integrationId = UUID.fromString(connected.integrationId());
        Duration delay = properties.inbox().burstDelay();
        awaitEmptyInbox(connected.tenant().id());
        for (int i = 0; i < properties.inbox().burstWebhooks(); i++) {
            pressure.arrived();
        }
        try {
            Thread.sleep(InboxMover.POLL.toMillis()); // a pass begun before the burst has ended
            long started = System.nanoTime();
            append(connected, integrationId, List.of(message("burst-1", "5350000004", "in a burst")));
            Thread.sleep(delay.dividedBy(3).toMillis());
            assertThat(inInbox(connected.tenant().id())).as("left in the inbox while webhooks wait").isEqualTo(1);
            assertThat(meters.get("switchboard.inbox.yielding").gauge().value()).isEqualTo(1.0);

            awaitEmptyInbox(connected.tenant().id());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(delay.plusSeconds(5));
        } finally {
            for (int i = 0; i < properties.inbox().burstWebhooks(); i++) {
                pressure.answered();
            }
        }
        assertThat(count("SELECT count(*) FROM " + connected.tenant().schema() + ".message WHERE external_id = 'burst-1'"))
                .isEqualTo(1);
        assertThat(meters.get("switchboard.inbox.yielding").gauge().value()).isZero();
    }

    @Test
    void theDeliveriesOfATenantDeletedMeanwhileAreDropped() {
        Connected connected = silentBot("inbox_gone");
        UUID integrationId = UUID.fromString(connected.integrationId());
        mover.stop();
        try {
            append(connected, integrationId, List.of(message("gone-1", "5350000003", "too late")));
            assertThat(admin().delete("/api/v1/tenants/" + connected.tenant().slug() + "?confirm="
                    + connected.tenant().slug()).status()).isEqualTo(204);
        } finally {
            mover.start();
        }
        awaitEmptyInbox(connected.tenant().id());
    }

    @SafeVarargs
    private void append(Connected connected, UUID integrationId, List<InboundEvent>... deliveries) {
        inbox.append(Arrays.stream(deliveries)
                .map(events -> InboxRows.NewRow.of(connected.tenant().id(), integrationId, "telegram", events))
                .toList());
        mover.wake();
    }

    private static InboundMessage message(String dedupKey, String chat, String text) {
        return new InboundMessage(dedupKey, chat, new InboundMessage.Sender(chat, "Guest", null, null, "en"),
                MessageKind.TEXT, text, Map.of(), dedupKey, Instant.now());
    }

    /** A webhook bot whose tenant has no agent: what is stored stays as it came in. */
    private Connected silentBot(String prefix) {
        Connected connected = connectEchoBot(prefix, "webhook");
        assertThat(connected.tenant().api().put("/api/v1/agent", Map.of("kind", "none")).status()).isEqualTo(200);
        return connected;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
