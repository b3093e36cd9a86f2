package dev.switchboard.core.tenant.hibernate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The main connection pool, handing out connections whose {@code search_path} is the platform
 * schema, or a tenant's for Hibernate's tenant sessions ({@link TenantSchemaConnectionProvider}).
 * It remembers each pooled connection's search path and sets it only when it changes: setting it
 * on every checkout and resetting it on every return cost two round trips per transaction, about
 * a fifth of a message's in the end-to-end benchmark.
 *
 * <p>Nothing else may change a pooled connection's search path for good (Flyway, migrating a
 * tenant, restores the one it found). Connections are checked out in auto-commit mode, so the
 * {@code SET} holds whatever the transaction that follows does.
 */
public class SearchPathDataSource extends DelegatingDataSource implements AutoCloseable {

    static final String PLATFORM_SCHEMA = "public";

    /** Per physical connection (weak keys compare by identity), the schema its search path is. */
    private final Cache<Connection, String> searchPaths = Caffeine.newBuilder().weakKeys().build();

    public SearchPathDataSource(DataSource pool) {
        super(pool);
    }

    /** A connection to the platform schema. */
    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(PLATFORM_SCHEMA);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the pool's own credentials are used");
    }

    /** A connection whose search path is {@code schema} (a validated identifier). */
    public Connection getConnection(String schema) throws SQLException {
        Connection connection = obtainTargetDataSource().getConnection();
        try {
            use(connection, schema);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * What {@code Connection.setSchema} does on PostgreSQL, in one round trip and only when needed:
     * through the pool's proxy, setSchema also reads the schema back to track it.
     */
    private void use(Connection connection, String schema) throws SQLException {
        Connection physical = connection.unwrap(Connection.class);
        if (schema.equals(searchPaths.getIfPresent(physical))) {
            return;
        }
        searchPaths.invalidate(physical); // unknown until the SET succeeds
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION search_path TO \"" + schema.replace("\"", "\"\"") + "\"");
        }
        searchPaths.put(physical, schema);
    }

    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
