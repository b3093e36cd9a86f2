package dev.switchboard.core.queue;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small pool of connections that commit without waiting for PostgreSQL's WAL flush
 * ({@code synchronous_commit = off}), for bookkeeping that may be lost in a database crash
 * because it is redone anyway: work claims (a lost claim makes the item due again at once),
 * rate-limit postponements and the rate-limit buckets themselves. What a provider or a client
 * was told (a webhook stored, a message accepted, a message sent) is never written here.
 *
 * <p>Every node commits many of these per message; waiting for the disk on each was most of a
 * worker's time. A database crash loses at most the last fraction of a second of them, and the
 * next synchronous commit of any connection makes all earlier ones durable (the WAL is one).
 *
 * @param dataSource for libraries that take a {@link DataSource} (Bucket4j); autocommit
 * @param jdbc       the same pool, for statements that stand alone (never joins a transaction)
 */
public record RelaxedDurability(DataSource dataSource, JdbcClient jdbc) implements AutoCloseable {

    /**
     * What each of its connections runs first. Its statements are few and planned the same way
     * whatever their parameters, so each is planned once per connection: PostgreSQL's default
     * planned the work claims anew on every call (25,000 plans for 35,000 claims in the
     * end-to-end benchmark). Sequential scans are off, as on the {@code QualifiedPool} and for the
     * same reason: a connection that planned the claims while the queue was empty (a node that
     * just started) scanned the whole queue on every claim until PostgreSQL next analyzed it — a
     * thousand pages for four items, the costliest statement of the ingest benchmark. JIT is off
     * with them (a scan that remains the only way is costed far above its threshold).
     */
    public static final String CONNECTION_INIT_SQL = "SET synchronous_commit = off; SET plan_cache_mode = force_generic_plan;"
            + " SET enable_seqscan = off; SET jit = off";

    public static RelaxedDurability of(DataSource dataSource) {
        return new RelaxedDurability(dataSource, JdbcClient.create(dataSource));
    }

    @Override
    public void close() throws Exception {
        if (dataSource instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
