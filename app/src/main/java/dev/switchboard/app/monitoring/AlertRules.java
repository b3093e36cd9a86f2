package dev.switchboard.app.monitoring;

import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.InvalidInputException.FieldError;
import dev.switchboard.core.support.ConflictException;
import dev.switchboard.core.support.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The alert rules ({@code public.alert_rule}): validated, listed, created, replaced, removed. */
@Component
class AlertRules {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_-]{1,62}$");

    private final JdbcClient jdbc;

    AlertRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AlertRule> all() {
        return jdbc.sql("SELECT name, metric, operator, threshold, window_seconds, severity, enabled FROM public.alert_rule ORDER BY name")
                .query((rs, n) -> new AlertRule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getInt(5), rs.getString(6), rs.getBoolean(7)))
                .list();
    }

    Optional<AlertRule> find(String name) {
        return all().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    AlertRule create(AlertRule rule) {
        validate(rule);
        try {
            jdbc.sql("""
                    INSERT INTO public.alert_rule (name, metric, operator, threshold, window_seconds, severity, enabled)
                    VALUES (:name, :metric, :operator, :threshold, :window, :severity, :enabled)
                    """).params(params(rule)).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "a rule named '" + rule.name() + "' exists");
        }
        return rule;
    }

    AlertRule replace(String name, AlertRule rule) {
        AlertRule renamed = new AlertRule(name, rule.metric(), rule.operator(), rule.threshold(), rule.windowSeconds(),
                rule.severity(), rule.enabled());
        validate(renamed);
        int updated = jdbc.sql("""
                UPDATE public.alert_rule SET metric = :metric, operator = :operator, threshold = :threshold,
                    window_seconds = :window, severity = :severity, enabled = :enabled, updated_at = now()
                WHERE name = :name
                """).params(params(renamed)).update();
        if (updated == 0) {
            throw new NotFoundException("alert rule " + name);
        }
        return renamed;
    }

    void delete(String name) {
        if (jdbc.sql("DELETE FROM public.alert_rule WHERE name = :name").param("name", name).update() == 0) {
            throw new NotFoundException("alert rule " + name);
        }
    }

    private static java.util.Map<String, Object> params(AlertRule rule) {
        return new java.util.HashMap<>(java.util.Map.of("name", rule.name(), "metric", rule.metric(),
                "operator", rule.operator(), "threshold", rule.threshold(), "window", rule.windowSeconds(),
                "severity", rule.severity(), "enabled", rule.enabled()));
    }

    private static void validate(AlertRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (rule.name() == null || !NAME.matcher(rule.name()).matches()) {
            errors.add(new FieldError("name", "must be 2–63 characters: lower-case letters, digits, '-' or '_'"));
        }
        if (rule.metric() == null || Metric.byKey(rule.metric()).isEmpty()) {
            errors.add(new FieldError("metric", "must be one of " + Arrays.stream(Metric.values()).map(Metric::key).toList()));
        }
        if (!">".equals(rule.operator()) && !"<".equals(rule.operator())) {
            errors.add(new FieldError("operator", "must be > or <"));
        }
        if (rule.windowSeconds() < 10 || rule.windowSeconds() > 86400) {
            errors.add(new FieldError("windowSeconds", "must be between 10 and 86400"));
        }
        if (!"warning".equals(rule.severity()) && !"critical".equals(rule.severity())) {
            errors.add(new FieldError("severity", "must be warning or critical"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
