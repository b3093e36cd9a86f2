package dev.switchboard.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.queue.RelaxedDurability;
import dev.switchboard.core.tenant.QualifiedPool;
import dev.switchboard.core.tenant.hibernate.SearchPathDataSource;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pools — the main one, the {@link QualifiedPool} and the {@link RelaxedDurability} one — to an
 * external PostgreSQL when {@code SWITCHBOARD_DB_URL} is set, else to the embedded one. The pools
 * close before the embedded database stops (they depend on it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    /**
     * The relaxed pool has a connection per worker (each takes rate-limit tokens and marks its
     * send) and these for the dispatcher's claims and the maintenance jobs.
     */
    private static final int RELAXED_POOL_SPARE = 3;
    /**
     * The qualified pool serves each worker's reads and its send's record, and these for the
     * webhooks' group commits (one per tenant at a time; beyond these they queue for a connection
     * with the rest of their group).
     */
    private static final int QUALIFIED_POOL_SPARE = 8;

    /** Holds the embedded database when there is one; empty for an external database. */
    record EmbeddedHolder(Optional<EmbeddedDatabase> database) implements AutoCloseable {
        @Override
        public void close() {
            database.ifPresent(EmbeddedDatabase::close);
        }
    }

    @Bean
    EmbeddedHolder embeddedDatabase(DatabaseProperties database, SwitchboardProperties switchboard) {
        if (database.external()) {
            return new EmbeddedHolder(Optional.empty());
        }
        return new EmbeddedHolder(Optional.of(EmbeddedDatabase.start(switchboard.dataDir())));
    }

    /** The main pool, keeping each connection's search path (see {@link SearchPathDataSource}). */
    @Bean
    SearchPathDataSource dataSource(DatabaseProperties database, EmbeddedHolder embedded) {
        return new SearchPathDataSource(new HikariDataSource(config("switchboard", database.poolSize(), database, embedded)));
    }

    /** The pool for tenant-qualified statements, whose plans PostgreSQL keeps (see {@link QualifiedPool}). */
    @Bean
    QualifiedPool qualifiedPool(DatabaseProperties database, EmbeddedHolder embedded, SwitchboardProperties switchboard) {
        int size = switchboard.worker().threads() + QUALIFIED_POOL_SPARE;
        HikariConfig config = config("switchboard-qualified", size, database, embedded);
        config.setConnectionInitSql(QualifiedPool.CONNECTION_INIT_SQL);
        // each tenant has its own text of every statement: prepare it on the server from its first
        // use, and keep twice the driver's default of them per connection (a few per tenant)
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("preparedStatementCacheQueries", "512");
        // a batch of inbox rows goes as multi-row INSERTs: one statement per row cost PostgreSQL a
        // fifth of its CPU in the ingest benchmark, its executor started and ended for every row
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return QualifiedPool.of(new HikariDataSource(config));
    }

    /** The small pool for bookkeeping that need not wait for the disk (see {@link RelaxedDurability}). */
    @Bean
    RelaxedDurability relaxedDurability(DatabaseProperties database, EmbeddedHolder embedded,
                                        SwitchboardProperties switchboard) {
        int size = switchboard.worker().threads() + RELAXED_POOL_SPARE;
        HikariConfig config = config("switchboard-relaxed", size, database, embedded);
        config.setConnectionInitSql(RelaxedDurability.CONNECTION_INIT_SQL);
        // the rate-limit statement marks its tenant's message, so each tenant has its own text of it
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("preparedStatementCacheQueries", "512");
        return RelaxedDurability.of(new HikariDataSource(config));
    }

    private static HikariConfig config(String name, int size, DatabaseProperties database, EmbeddedHolder embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        if (database.external()) {
            config.setJdbcUrl(database.url());
            config.setUsername(database.user());
            config.setPassword(database.password());
            log.info("using external PostgreSQL url={} pool={}", database.url(), name);
        } else {
            EmbeddedDatabase db = embedded.database().orElseThrow();
            config.setJdbcUrl(db.jdbcUrl());
            config.setUsername("postgres");
        }
        return config;
    }
}
