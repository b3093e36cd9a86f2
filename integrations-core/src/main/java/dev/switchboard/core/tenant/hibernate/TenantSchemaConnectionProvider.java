package dev.switchboard.core.tenant.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate a pooled connection whose schema is the tenant's. The schema is set on every
 * checkout and reset on every return, so a pooled connection never carries one tenant's
 * schema into another's work.
 */
class TenantSchemaConnectionProvider implements MultiTenantConnectionProvider<String> {

    static final String PLATFORM_SCHEMA = "public";

    private final DataSource dataSource;

    TenantSchemaConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String schema) throws SQLException {
        Connection connection = getAnyConnection();
        try {
            useSchema(connection, schema);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void releaseConnection(String schema, Connection connection) throws SQLException {
        try {
            if (!PLATFORM_SCHEMA.equals(schema)) {
                useSchema(connection, PLATFORM_SCHEMA);
            }
        } finally {
            connection.close();
        }
    }

    /**
     * What {@code Connection.setSchema} does on PostgreSQL, in one round trip: through the pool's
     * proxy, setSchema also reads the schema back to track it, a second round trip on every
     * checkout and return. The schema names are validated identifiers ({@code t_<slug>}).
     */
    private static void useSchema(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION search_path TO \"" + schema.replace("\"", "\"\"") + "\"");
        }
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean handlesConnectionSchema() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.cast(this);
    }
}
