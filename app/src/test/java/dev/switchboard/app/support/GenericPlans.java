package dev.switchboard.app.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The plan PostgreSQL makes for a prepared statement on a connection of one of the application's
 * pools (with that pool's settings), after a setup that is rolled back with it: how the plan tests
 * show that a statement planned once per connection, perhaps on empty tables, keeps to its indexes.
 */
public final class GenericPlans {

    private GenericPlans() {
    }

    /**
     * @param setup     statements run first in the same transaction (emptying a table, {@code ANALYZE})
     * @param types     the statement's parameter types, for {@code PREPARE}
     * @param statement the statement, its parameters numbered ({@code $1} …)
     * @param values    the values to plan it with, for {@code EXECUTE}
     * @return the lines of {@code EXPLAIN EXECUTE}
     */
    public static String explain(DataSource pool, List<String> setup, String types, String statement, String values)
            throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String step : setup) {
                    sql.execute(step);
                }
                sql.execute("PREPARE plan_test (" + types + ") AS " + statement);
                try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE plan_test (" + values + ")")) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
            } finally {
                connection.rollback();
                sql.execute("DEALLOCATE plan_test"); // not ALL: the driver's own prepared statements stay
                connection.setAutoCommit(true);
            }
        }
        return String.join("\n", plan);
    }
}
