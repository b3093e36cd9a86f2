package dev.switchboard.app.monitoring;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Firing and resolving, recorded in {@code public.alert_event}: at most one active event per rule. */
@Component
class AlertEvents {

    private static final String COLUMNS = "id, rule, severity, value, threshold, fired_at, resolved_at";

    private final JdbcClient jdbc;

    AlertEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AlertEvent> active(String rule) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.alert_event WHERE rule = :rule AND resolved_at IS NULL")
                .param("rule", rule).query(AlertEvents::map).optional();
    }

    /** @return the new event, or empty when another node recorded it first */
    Optional<AlertEvent> fire(AlertRule rule, double value) {
        return jdbc.sql("INSERT INTO public.alert_event (rule, severity, value, threshold) VALUES (:rule, :severity, :value, :threshold) "
                        + "ON CONFLICT (rule) WHERE resolved_at IS NULL DO NOTHING RETURNING " + COLUMNS)
                .param("rule", rule.name()).param("severity", rule.severity()).param("value", value)
                .param("threshold", rule.threshold())
                .query(AlertEvents::map).optional();
    }

    Optional<AlertEvent> resolve(String rule) {
        return jdbc.sql("UPDATE public.alert_event SET resolved_at = now() WHERE rule = :rule AND resolved_at IS NULL RETURNING " + COLUMNS)
                .param("rule", rule).query(AlertEvents::map).optional();
    }

    List<AlertEvent> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM public.alert_event ORDER BY fired_at DESC LIMIT :limit")
                .param("limit", limit).query(AlertEvents::map).list();
    }

    private static AlertEvent map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
        return new AlertEvent(rs.getLong("id"), rs.getString("rule"), rs.getString("severity"), rs.getDouble("value"),
                rs.getDouble("threshold"), rs.getObject("fired_at", OffsetDateTime.class).toInstant(),
                resolved == null ? null : resolved.toInstant());
    }
}
