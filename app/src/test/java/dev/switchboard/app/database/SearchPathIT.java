package dev.switchboard.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.app.support.AppIT;
import dev.switchboard.core.tenant.QualifiedPool;
import dev.switchboard.core.tenant.hibernate.SearchPathDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main pool keeps each connection's search path and sets it only when it changes: a
 * connection a tenant used never reaches platform work (or another tenant) with that tenant's
 * schema, and one already on the right schema costs no round trip. The qualified pool's
 * connections never leave the platform schema, which is what lets PostgreSQL keep their plans.
 */
class SearchPathIT extends AppIT {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private QualifiedPool qualified;

    @Test
    void everyCheckoutHasTheSchemaItAskedForWhoeverUsedTheConnectionBefore() throws SQLException {
        SearchPathDataSource pool = (SearchPathDataSource) dataSource;
        String first = newTenant("path_a").schema();
        String second = newTenant("path_b").schema();
        String[] order = {first, first, "public", second, first, "public", "public", second, second};
        for (int round = 0; round < 3; round++) {
            for (String schema : order) {
                try (Connection connection = "public".equals(schema) ? pool.getConnection() : pool.getConnection(schema)) {
                    assertThat(searchPath(connection)).isEqualTo(schema);
                }
            }
        }
    }

    @Test
    void aConnectionAlreadyOnItsSchemaIsNotSetAgain() throws SQLException {
        SearchPathDataSource pool = (SearchPathDataSource) dataSource;
        String schema = newTenant("path_same").schema();
        Connection physical;
        try (Connection connection = pool.getConnection(schema)) {
            physical = connection.unwrap(Connection.class);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION search_path TO public"); // behind the pool's back
            }
        }
        try (Connection connection = pool.getConnection(schema)) {
            assumeTrue(connection.unwrap(Connection.class) == physical, "the pool handed out the same connection");
            assertThat(searchPath(connection)).as("not set again: the pool believes it is still the tenant's")
                    .isEqualTo("public");
        }
        try (Connection connection = pool.getConnection()) { // the platform's: set, and in step again
            assertThat(searchPath(connection)).isEqualTo("public");
        }
    }

    @Test
    void theQualifiedPoolsConnectionsAllStayOnThePlatformSchema() throws SQLException {
        String schema = newTenant("path_q").schema();
        int size = qualified.dataSource().unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = qualified.dataSource().getConnection();
                all.add(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("SELECT count(*) FROM \"" + schema + "\".integration").close();
                }
                assertThat(searchPath(connection)).isEqualTo("public");
                assertThat(show(connection, "plan_cache_mode")).as("each statement planned once").isEqualTo("force_generic_plan");
                assertThat(show(connection, "enable_seqscan")).as("plans that outlive small tables").isEqualTo("off");
                assertThat(show(connection, "jit")).as("no compiling a disabled scan's huge cost").isEqualTo("off");
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }

    private static String searchPath(Connection connection) throws SQLException {
        return show(connection, "search_path").replace("\"", "");
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
