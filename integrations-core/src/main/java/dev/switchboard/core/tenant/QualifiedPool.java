package dev.switchboard.core.tenant;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Connections whose search path is always the platform schema, for the hot statements that name
 * their tenant's schema themselves ({@link TenantRef#qualifier()}) and stand alone, outside any
 * transaction. PostgreSQL drops a prepared statement's plan whenever the connection's search path
 * differs from the one it was planned under; on the main pool, whose connections move from tenant
 * to tenant, the statement that stores a group of webhooks was planned again on every call
 * (0.9 ms of planning for 1.4 ms of execution, {@code pg_stat_statements}). Here each tenant's
 * statement keeps its plan on each connection. Commits are durable, like the main pool's.
 *
 * @param dataSource the pool (autocommit)
 * @param jdbc       the same pool, for single statements (never joins a transaction)
 */
public record QualifiedPool(DataSource dataSource, JdbcClient jdbc) implements AutoCloseable {

    /**
     * What each of its connections runs first; nothing changes it after. Its statements look rows
     * up by key, planned the same way whatever the parameters, so each tenant's is planned once per
     * connection instead of the five custom plans PostgreSQL tries first (with 50 tenants and a
     * dozen connections those were a fifth of the database's time in the end-to-end benchmark).
     * Sequential scans are off because a plan outlives the table sizes it was made for: planned
     * while a new tenant's tables or the work queue were nearly empty, a scan looked cheaper than
     * the key's index, and the connection kept scanning after they grew. JIT compilation is off:
     * a scan that remains the only way (a tenant's few integrations read by status) is costed as
     * disabled, far above {@code jit_above_cost}, and PostgreSQL compiled that ten-row read anew on
     * every call (200 ms each, {@code pg_stat_statements} of a benchmark run).
     */
    public static final String CONNECTION_INIT_SQL = "SET search_path TO public; SET plan_cache_mode = force_generic_plan;"
            + " SET enable_seqscan = off; SET jit = off";

    public static QualifiedPool of(DataSource dataSource) {
        return new QualifiedPool(dataSource, JdbcClient.create(dataSource));
    }

    @Override
    public void close() throws Exception {
        if (dataSource instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
