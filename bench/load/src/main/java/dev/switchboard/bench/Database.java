package dev.switchboard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Read-only questions to Switchboard's database after a run: what was stored, and when. */
final class Database {

    /** Inbound messages of one run, and how many distinct provider ids they carry. */
    record Stored(long messages, long distinct) {
    }

    /** Echo replies of a run: how many were sent, and inbound-stored → sent latency percentiles. */
    record Replies(long sent, long failed, double p50Millis, double p99Millis, double seconds) {
    }

    private final String url;
    private final String user;
    private final String password;

    Database(Options options) {
        this.url = options.pgUrl();
        this.user = options.pgUser();
        this.password = options.pgPassword();
    }

    /** Tenant schemas of the given slugs: Switchboard names them {@code t_<slug>}. */
    static List<String> schemas(String prefix, int tenants) {
        List<String> schemas = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            schemas.add("t_" + prefix + t);
        }
        return schemas;
    }

    Stored inbound(List<String> schemas, String runTag) throws SQLException {
        String union = schemas.stream().map(s -> "SELECT integration_id, external_id FROM " + s
                        + ".message WHERE direction = 'in' AND text LIKE '" + runTag + " %'")
                .collect(Collectors.joining(" UNION ALL "));
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT (integration_id, external_id)) FROM ("
                     + union + ") m")) {
            rs.next();
            return new Stored(rs.getLong(1), rs.getLong(2));
        }
    }

    /** Replies whose text equals an inbound text of the run, in the same conversation. */
    Replies replies(List<String> schemas, String runTag) throws SQLException {
        String union = schemas.stream().map(s -> "SELECT i.created_at AS received, o.sent_at, o.status FROM " + s
                        + ".message i JOIN " + s + ".message o ON o.conversation_id = i.conversation_id"
                        + " AND o.direction = 'out' AND o.text = i.text"
                        + " WHERE i.direction = 'in' AND i.text LIKE '" + runTag + " %'")
                .collect(Collectors.joining(" UNION ALL "));
        String sql = "SELECT count(*) FILTER (WHERE sent_at IS NOT NULL), count(*) FILTER (WHERE status = 'failed'),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - received)) * 1000,"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - received)) * 1000,"
                + " extract(epoch FROM max(sent_at) - min(received))"
                + " FROM (" + union + ") r";
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new Replies(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
        }
    }

    /** Outbound messages of the run not yet sent or failed (still queued or sending). */
    long unsent(List<String> schemas, String runTag) throws SQLException {
        String union = schemas.stream().map(s -> "SELECT count(*) AS n FROM " + s + ".message WHERE direction = 'out'"
                        + " AND status IN ('queued', 'sending') AND text LIKE '" + runTag + " %'")
                .collect(Collectors.joining(" UNION ALL "));
        return single("SELECT coalesce(sum(n), 0) FROM (" + union + ") u");
    }

    /** Seconds the last start-up reconcile took (the newest finished run of the job). */
    double lastReconcileSeconds() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT extract(epoch FROM finished_at - started_at), summary FROM public.job_run"
                        + " WHERE job = 'reconcile' AND finished_at IS NOT NULL ORDER BY started_at DESC LIMIT 1")) {
            return rs.next() ? rs.getDouble(1) : -1;
        }
    }

    boolean reconcileFinishedSince(java.time.Instant since) throws SQLException {
        try (Connection c = connect(); var st = c.prepareStatement("SELECT 1 FROM public.job_run WHERE job = 'reconcile'"
                + " AND finished_at IS NOT NULL AND started_at >= ?")) {
            st.setObject(1, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Forgets the statement statistics: the next {@link #topStatements} covers only what follows. */
    void resetStatementStatistics() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            // pg_stat_statements not installed: the report goes without the database profile
        }
    }

    /** The statements that took the most execution time since the last reset (pg_stat_statements). */
    List<List<String>> topStatements(int limit) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT calls, round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 3),"
                        + " left(regexp_replace(query, '\\s+', ' ', 'g'), 90)"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " ORDER BY total_exec_time DESC LIMIT " + limit)) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        "`" + rs.getString(4).replace("|", "\\|") + "`"));
            }
        } catch (SQLException e) {
            rows.add(List.of("-", "-", "-", "pg_stat_statements is not available: " + e.getMessage()));
        }
        return rows;
    }

    long single(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
