package dev.switchboard.core.inbound;

import static dev.switchboard.core.support.SqlArrays.longs;

import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.tenant.QualifiedPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox table ({@code V9__inbox.sql}): webhooks append their deliveries to it, and the
 * {@link InboxMover} takes them out in order. Its statements run on the {@link QualifiedPool}
 * (they name {@code public} themselves, and keep their plans there).
 */
@Component
class InboxRows {

    /** Who may take the inbox: one mover at a time across all nodes, so messages keep their order. */
    private static final long MOVER_LOCK = 0x5357_4231_4e42_4f58L; // "SWB1NBOX"

    /**
     * A delivery to append, its events already written as the row keeps them.
     *
     * @param otherEvents whether it has events other than messages, which only the JVM stores
     */
    record NewRow(UUID tenantId, UUID integrationId, String channelType, String eventsJson, boolean otherEvents) {

        /**
         * Writes the events, on the caller's thread: the webhook's, not its lane's committer, which
         * wrote a whole group's JSON while the requests behind it waited.
         */
        static NewRow of(UUID tenantId, UUID integrationId, String channelType, List<InboundEvent> events) {
            return new NewRow(tenantId, integrationId, channelType, InboxEvents.write(events),
                    InboxEvents.otherThanMessages(events));
        }
    }

    /**
     * A delivery waiting in the inbox, its events as the row keeps them ({@link InboxEvents}).
     *
     * @param otherEvents whether it has events other than messages (or was appended before that was noted)
     */
    record Row(long id, UUID tenantId, UUID integrationId, String channelType, Instant receivedAt,
               String eventsJson, boolean otherEvents, int attempts) {

        /** The delivery, its events read from the row's JSON (which only the rows the JVM stores need). */
        InboundStore.Delivery delivery() {
            return new InboundStore.Delivery(integrationId, InboxEvents.read(eventsJson), receivedAt);
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    InboxRows(QualifiedPool pool) {
        this.dataSource = pool.dataSource();
        this.jdbc = pool.jdbc();
        this.jdbcTemplate = new JdbcTemplate(pool.dataSource());
    }

    /**
     * Appends deliveries with one round trip, committed (durably, once for all) when it returns: a
     * JDBC batch, which the driver sends before a single sync, so PostgreSQL runs it as one
     * implicit transaction; the qualified pool's driver rewrites it into multi-row {@code INSERT}s
     * ({@code reWriteBatchedInserts}). Not one statement over arrays: the driver writes a {@code text[]}
     * parameter as one escaped literal, and escaping every delivery's JSON was a tenth of the
     * server's CPU in the ingest benchmark.
     */
    void append(List<NewRow> rows) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO public.inbox (tenant_id, integration_id, channel_type, events, other_events)
                VALUES (?, ?, ?, ?, ?)
                """, rows.stream().map(r -> new Object[] {r.tenantId(), r.integrationId(), r.channelType(),
                r.eventsJson(), r.otherEvents()}).toList());
    }

    /** How many deliveries wait, for the gauge operators watch. */
    long waiting() {
        return jdbc.sql("SELECT count(*) FROM public.inbox").query(Long.class).single();
    }

    /**
     * The inbox held for this caller: a transaction holding the mover's lock. Empty when another
     * mover (of this node or another) holds it.
     */
    Optional<Hold> hold() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            Hold hold = new Hold(connection);
            if (hold.locked()) {
                return Optional.of(hold);
            }
            hold.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("inbox not reachable: " + e.getMessage(), e);
        }
    }

    /**
     * One transaction of the mover. Removing a row need not wait for the disk: a removal lost in a
     * database crash brings the row back, and storing it again is a no-op.
     */
    static final class Hold implements AutoCloseable {

        private final Connection connection;
        private final JdbcClient jdbc;

        private Hold(Connection connection) {
            this.connection = connection;
            this.jdbc = JdbcClient.create(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        }

        private boolean locked() {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            return jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", MOVER_LOCK)
                    .query(Boolean.class).single();
        }

        /** The oldest deliveries that are due, in the order they arrived. */
        List<Row> next(int limit) {
            return jdbc.sql("""
                    SELECT id, tenant_id, integration_id, channel_type, received_at, events, other_events, attempts
                    FROM public.inbox
                    WHERE next_attempt_at IS NULL OR next_attempt_at <= now()
                    ORDER BY id LIMIT :limit
                    """)
                    .param("limit", limit)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getString(6), rs.getBoolean(7), rs.getInt(8)))
                    .list();
        }

        void remove(List<Long> ids) {
            if (!ids.isEmpty()) {
                jdbc.sql("DELETE FROM public.inbox WHERE id = ANY(:ids)").param("ids", longs(ids)).update();
            }
        }

        /** Leaves deliveries for a later try: after 2, 4, 8 … seconds, at most ten minutes. */
        void postpone(List<Long> ids) {
            if (!ids.isEmpty()) {
                jdbc.sql("""
                        UPDATE public.inbox
                        SET attempts = attempts + 1,
                            next_attempt_at = now() + make_interval(secs => least(600, power(2, least(attempts + 1, 10))))
                        WHERE id = ANY(:ids)
                        """).param("ids", longs(ids)).update();
            }
        }

        void commit() {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("inbox changes not committed: " + e.getMessage(), e);
            }
        }

        /** Rolls back what was not committed, and gives the connection back. */
        @Override
        public void close() {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // the connection is broken: closing it below is all there is to do
            }
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing left to release
            }
        }
    }
}
