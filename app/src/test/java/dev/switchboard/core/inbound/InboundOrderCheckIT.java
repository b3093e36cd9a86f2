package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check that keeps a chat's messages in order ({@link InboundReads.InboundRow#behindEarlier()})
 * looks at the conversation's latest earlier messages only, so its cost does not grow with how
 * busy the conversation has been. In this package: it reads {@link InboundReads} directly.
 */
class InboundOrderCheckIT extends TelegramIT {

    private static final int EARLIER = InboundReads.NEAREST_EARLIER + 4;

    @Autowired
    private InboundReads reads;

    @Autowired
    private TenantDirectory tenants;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aMessageWaitsForTheLatestEarlierMessagesOfItsChatAndLooksNoFurther() {
        Connected connected = connectEchoBot("order_check", "webhook");
        TgUser guest = telegram.user(5_340_000_000L, "Guest", "long_chat", "en");
        for (int i = 0; i <= EARLIER; i++) {
            telegram.injectText(connected.bot().token(), guest, "turn " + i);
        }
        String stored = "SELECT count(*) FROM " + connected.tenant().schema() + ".message WHERE direction = 'in'";
        String waiting = "SELECT count(*) FROM public.work_item WHERE kind = 'inbound' AND tenant_id = '"
                + connected.tenant().id() + "'::uuid";
        eventually(() -> {
            assertThat(count(stored)).isEqualTo(EARLIER + 1);
            assertThat(count(waiting)).isZero(); // all handled
        });
        TenantRef tenant = tenants.byId(connected.tenant().id()).orElseThrow();
        List<UUID> inbound = jdbc.sql("SELECT id FROM " + connected.tenant().schema()
                        + ".message WHERE direction = 'in' ORDER BY created_at, id")
                .query(UUID.class).list();
        assertThat(inbound).hasSize(EARLIER + 1);
        UUID latest = inbound.get(EARLIER);
        assertThat(reads.message(tenant, latest).orElseThrow().behindEarlier()).isFalse();

        UUID farthestLookedAt = inbound.get(EARLIER - InboundReads.NEAREST_EARLIER);
        UUID beyond = inbound.get(EARLIER - InboundReads.NEAREST_EARLIER - 1);
        try {
            waitingItemFor(tenant, beyond);
            assertThat(reads.message(tenant, latest).orElseThrow().behindEarlier())
                    .as("a waiting message beyond the latest %d is not looked at", InboundReads.NEAREST_EARLIER)
                    .isFalse();
            waitingItemFor(tenant, farthestLookedAt);
            assertThat(reads.message(tenant, latest).orElseThrow().behindEarlier()).isTrue();
        } finally {
            jdbc.sql("DELETE FROM public.work_item WHERE ref_id IN (:ids)").param("ids", List.of(beyond, farthestLookedAt))
                    .update();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** A work item for an already answered message, due in an hour: as if it still waited. */
    private void waitingItemFor(TenantRef tenant, UUID messageId) {
        jdbc.sql("""
                        INSERT INTO public.work_item (tenant_id, kind, ref_id, run_at)
                        VALUES (:tenant, 'inbound', :ref, now() + interval '1 hour')""")
                .param("tenant", tenant.id()).param("ref", messageId).update();
    }
}
