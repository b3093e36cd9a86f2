package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.MessageKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                .map(events -> new InboxRows.NewRow(connected.tenant().id(), integrationId, "telegram", events))
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
