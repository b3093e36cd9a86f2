package dev.switchboard.app.monitoring;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Compares every enabled rule with its metric over its window; fires and resolves, and tells operators. */
@Component
class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertRules rules;
    private final AlertEvents events;
    private final MetricSamples samples;
    private final AlertNotifier notifier;

    AlertEvaluator(AlertRules rules, AlertEvents events, MetricSamples samples, AlertNotifier notifier) {
        this.rules = rules;
        this.events = events;
        this.samples = samples;
        this.notifier = notifier;
    }

    void evaluate() {
        for (AlertRule rule : rules.all()) {
            Optional<Metric> metric = Metric.byKey(rule.metric());
            if (metric.isEmpty()) {
                continue;
            }
            double value = samples.value(metric.get(), rule.window());
            boolean breached = rule.enabled() && rule.breached(value);
            if (breached && events.active(rule.name()).isEmpty()) {
                events.fire(rule, value).ifPresent(event -> {
                    log.warn("alert firing rule={} severity={} value={} threshold={}", rule.name(), rule.severity(),
                            value, rule.threshold());
                    notifier.notify(event, "firing", rule.metric());
                });
            } else if (!breached) {
                events.resolve(rule.name()).ifPresent(event -> {
                    log.info("alert resolved rule={} value={}", rule.name(), value);
                    notifier.notify(new AlertEvent(event.id(), event.rule(), event.severity(), value, event.threshold(),
                            event.firedAt(), event.resolvedAt()), "resolved", rule.metric());
                });
            }
        }
    }
}
