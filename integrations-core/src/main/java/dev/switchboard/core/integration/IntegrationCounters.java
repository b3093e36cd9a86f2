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
    static final int SHARDS = 8;

    public record Totals(long received, long sent, Instant lastActivity) {
        static final Totals NONE = new Totals(0, 0, null);
    }

    private final JdbcClient jdbc;

    public IntegrationCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Messages received by several integrations, in one statement (a group commit's). */
    public void received(Map<UUID, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<UUID> ids = counts.keySet().stream().sorted().toList(); // one lock order for every writer
        jdbc.sql(upsert("integration_counter",
                        "SELECT a.id, :shard, a.received, 0, now() FROM unnest(:ids, :received) AS a (id, received)"))
                .param("ids", SqlArrays.uuids(ids))
                .param("shard", anyShard())
                .param("received", SqlArrays.ints(ids.stream().map(counts::get).toList()))
                .update();
    }

    /**
     * The counters' upsert, for statements that count as part of a larger one (a data-modifying
     * CTE): {@code rows} selects (integration id, shard, received, sent, last activity).
     *
     * @param table {@code integration_counter}, qualified with the tenant's schema where needed
     */
    public static String upsert(String table, String rows) {
        return """
                INSERT INTO %s AS c (integration_id, shard, messages_received, messages_sent, last_activity)
                %s
                ON CONFLICT (integration_id, shard) DO UPDATE
                SET messages_received = c.messages_received + excluded.messages_received,
                    messages_sent = c.messages_sent + excluded.messages_sent,
                    last_activity = greatest(c.last_activity, excluded.last_activity)""".formatted(table, rows);
    }

    /** A random shard: concurrent writers of one integration rarely meet on a row. */
    public static int anyShard() {
        return ThreadLocalRandom.current().nextInt(SHARDS);
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
