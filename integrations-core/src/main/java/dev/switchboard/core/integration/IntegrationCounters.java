package dev.switchboard.core.integration;

import dev.switchboard.core.support.SqlArrays;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code messages_received}, {@code messages_sent} and {@code last_activity}, spread over a few rows
 * per integration so that concurrent webhooks and sends do not queue behind one row lock.
 * Runs inside the caller's tenant transaction.
 */
@Component
@Transactional
public class IntegrationCounters {

    /** Rows per integration; a writer picks one at random. */
    public static final int SHARDS = 8;

    public record Totals(long received, long sent, Instant lastActivity) {
        static final Totals NONE = new Totals(0, 0, null);
    }

    private final JdbcClient jdbc;

    public IntegrationCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Messages received by several integrations, in one statement (a group commit's). */
    public void received(Map<UUID, Integer> counts) {
        List<UUID> ids = counts.keySet().stream().sorted().toList(); // one lock order for every writer
        add(ids, ids.stream().map(counts::get).toList(), ids.stream().map(id -> 0).toList());
    }

    public void sent(UUID integrationId) {
        add(List.of(integrationId), List.of(0), List.of(1));
    }

    private void add(List<UUID> integrationIds, List<Integer> received, List<Integer> sent) {
        if (integrationIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO integration_counter AS c (integration_id, shard, messages_received, messages_sent, last_activity)
                SELECT a.id, :shard, a.received, a.sent, now() FROM unnest(:ids, :received, :sent) AS a (id, received, sent)
                ON CONFLICT (integration_id, shard) DO UPDATE
                SET messages_received = c.messages_received + excluded.messages_received,
                    messages_sent = c.messages_sent + excluded.messages_sent,
                    last_activity = greatest(c.last_activity, excluded.last_activity)
                """)
                .param("ids", SqlArrays.uuids(integrationIds))
                .param("shard", ThreadLocalRandom.current().nextInt(SHARDS))
                .param("received", SqlArrays.ints(received))
                .param("sent", SqlArrays.ints(sent))
                .update();
    }

    public Totals totals(UUID integrationId) {
        return totals(List.of(integrationId)).getOrDefault(integrationId, Totals.NONE);
    }

    public Map<UUID, Totals> totals(Collection<UUID> integrationIds) {
        Map<UUID, Totals> result = new HashMap<>();
        if (integrationIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT integration_id, sum(messages_received) AS received, sum(messages_sent) AS sent,
                       max(last_activity) AS last_activity
                FROM integration_counter WHERE integration_id IN (:ids) GROUP BY integration_id
                """)
                .param("ids", integrationIds)
                .query((rs, n) -> result.put(rs.getObject("integration_id", UUID.class), new Totals(
                        rs.getLong("received"), rs.getLong("sent"),
                        rs.getObject("last_activity", java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject("last_activity", java.time.OffsetDateTime.class).toInstant())))
                .list();
        return result;
    }

    public static Totals none() {
        return Totals.NONE;
    }
}
