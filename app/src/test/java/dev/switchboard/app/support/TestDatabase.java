package dev.switchboard.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL of the test JVM that child-process servers share through {@code SWITCHBOARD_DB_URL},
 * so the test can count rows while servers die and restart around it.
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static TestDatabase start() {
        try {
            return new TestDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test database", e);
        }
    }

    /** The environment that points a server at this database. */
    public Map<String, String> serverEnvironment() {
        return Map.of("SWITCHBOARD_DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "SWITCHBOARD_DB_USER", "postgres");
    }

    public long count(String sql) {
        return Long.parseLong(strings(sql).get(0));
    }

    public List<String> strings(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
