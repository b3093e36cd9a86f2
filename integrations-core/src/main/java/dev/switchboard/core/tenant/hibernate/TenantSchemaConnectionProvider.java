package dev.switchboard.core.tenant.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate a pooled connection whose search path is the tenant's schema (the platform's
 * for platform entities). {@link SearchPathDataSource} sets it when a connection's last use was
 * for another schema, and every other checkout of the pool gets the platform's, so a pooled
 * connection never carries one tenant's schema into another's work.
 */
class TenantSchemaConnectionProvider implements MultiTenantConnectionProvider<String> {

    static final String PLATFORM_SCHEMA = SearchPathDataSource.PLATFORM_SCHEMA;

    private final SearchPathDataSource dataSource;

    TenantSchemaConnectionProvider(SearchPathDataSource dataSource) {
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
        return dataSource.getConnection(schema);
    }

    @Override
    public void releaseConnection(String schema, Connection connection) throws SQLException {
        connection.close();
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
