package dev.switchboard.app.monitoring;

import dev.switchboard.core.support.NodeIdentity;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code public.metric_sample}: every node's figures over time. Windows are read across all
 * nodes, so the cluster is one system to the alert rules and the dashboard.
 */
@Component
class MetricSamples {

    private final JdbcClient jdbc;
    private final NodeIdentity node;

    MetricSamples(JdbcClient jdbc, NodeIdentity node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    void write(Instant at, Map<Metric, Double> values) {
        List<Object[]> rows = new ArrayList<>();
        values.forEach((metric, value) -> rows.add(new Object[] {node.id(), Timestamp.from(at), metric.key(), value}));
        StringBuilder sql = new StringBuilder("INSERT INTO public.metric_sample (node, at, metric, value) VALUES ");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:n, :at, :m").append(i).append(", :v").append(i).append(')');
            params.put("m" + i, rows.get(i)[2]);
            params.put("v" + i, rows.get(i)[3]);
        }
        params.put("n", node.id());
        params.put("at", Timestamp.from(at));
        jdbc.sql(sql.toString()).params(params).update();
    }

    void forgetOlderThan(Duration age) {
        jdbc.sql("DELETE FROM public.metric_sample WHERE at < now() - make_interval(secs => :age)")
                .param("age", age.toSeconds()).update();
    }

    /** The value of a metric over the last {@code window}, across all nodes (see {@link Metric}). */
    double value(Metric metric, Duration window) {
        return switch (metric) {
            case PROVIDER_ERROR_RATE -> ratio(increase(Metric.PROVIDER_ERRORS, window), increase(Metric.PROVIDER_REQUESTS, window));
            case WEBHOOK_FAILURE_RATE -> ratio(increase(Metric.WEBHOOK_FAILURES, window), increase(Metric.WEBHOOK_REQUESTS, window));
            case SEND_FAILURE_RATE -> {
                double failed = increase(Metric.SEND_FAILURES, window);
                yield ratio(failed, failed + increase(Metric.MESSAGES_SENT, window));
            }
            case RATE_LIMIT_HITS -> increase(Metric.PROVIDER_RATE_LIMITED, window);
            default -> metric.kind() == Metric.Kind.COUNTER ? increase(metric, window) : highest(metric, window);
        };
    }

    /** Per-minute points over the last hour: increases for counters, highest values for gauges. */
    TreeMap<Instant, Double> lastHourPerMinute(Metric metric) {
        String sql = metric.kind() == Metric.Kind.COUNTER ? """
                SELECT minute, sum(CASE WHEN increase < 0 THEN v ELSE increase END)
                FROM (SELECT node, date_trunc('minute', at) AS minute, max(value) AS v,
                             max(value) - lag(max(value)) OVER (PARTITION BY node ORDER BY date_trunc('minute', at)) AS increase
                      FROM public.metric_sample WHERE metric = :metric AND at > now() - interval '61 minutes'
                      GROUP BY node, date_trunc('minute', at)) per_node
                WHERE increase IS NOT NULL GROUP BY minute ORDER BY minute
                """ : """
                SELECT date_trunc('minute', at) AS minute, max(value) FROM public.metric_sample
                WHERE metric = :metric AND at > now() - interval '60 minutes' GROUP BY 1 ORDER BY 1
                """;
        TreeMap<Instant, Double> points = new TreeMap<>();
        jdbc.sql(sql).param("metric", metric.key())
                .query((rs, n) -> points.put(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), rs.getDouble(2)))
                .list();
        return points;
    }

    private double increase(Metric counter, Duration window) {
        Instant now = Instant.now();
        return increaseBetween(counter, now.minus(window), now);
    }

    /**
     * Per node: the last value in the window minus the last value before it; a node with no
     * sample before the window started inside it, and a drop means it restarted: either way its
     * counters began at zero.
     */
    private double increaseBetween(Metric counter, Instant from, Instant to) {
        return jdbc.sql("""
                WITH inside AS (
                    SELECT node, max(value) FILTER (WHERE at = last_at) AS last_value
                    FROM (SELECT node, at, value, max(at) OVER (PARTITION BY node) AS last_at
                          FROM public.metric_sample
                          WHERE metric = :metric AND at > :from AND at <= :to) s
                    GROUP BY node
                ), before AS (
                    SELECT DISTINCT ON (node) node, value FROM public.metric_sample
                    WHERE metric = :metric AND at <= :from
                    ORDER BY node, at DESC
                )
                SELECT coalesce(sum(CASE
                        WHEN b.value IS NULL THEN i.last_value
                        WHEN i.last_value < b.value THEN i.last_value
                        ELSE i.last_value - b.value END), 0)
                FROM inside i LEFT JOIN before b ON b.node = i.node
                """)
                .param("metric", counter.key())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Double.class).single();
    }

    private double highest(Metric gauge, Duration window) {
        Instant now = Instant.now();
        return highestBetween(gauge, now.minus(window), now);
    }

    private double highestBetween(Metric gauge, Instant from, Instant to) {
        return jdbc.sql("SELECT coalesce(max(value), 0) FROM public.metric_sample WHERE metric = :metric AND at > :from AND at <= :to")
                .param("metric", gauge.key())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Double.class).single();
    }

    private static double ratio(double part, double whole) {
        return whole <= 0 ? 0 : part / whole;
    }
}
