package dev.switchboard.app.monitoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * What alert rules and the dashboard can look at. Counters are cumulative per node and read as
 * increases over a window; ratios divide two such increases; gauges are read as their highest
 * value in the window.
 */
public enum Metric {
    PROVIDER_REQUESTS(Kind.COUNTER),
    PROVIDER_ERRORS(Kind.COUNTER),
    PROVIDER_RATE_LIMITED(Kind.COUNTER),
    WEBHOOK_REQUESTS(Kind.COUNTER),
    WEBHOOK_FAILURES(Kind.COUNTER),
    MESSAGES_IN(Kind.COUNTER),
    MESSAGES_SENT(Kind.COUNTER),
    SEND_FAILURES(Kind.COUNTER),
    PROVIDER_LATENCY_P50(Kind.GAUGE),
    PROVIDER_LATENCY_P95(Kind.GAUGE),
    PROVIDER_LATENCY_P99(Kind.GAUGE),
    QUEUE_DEPTH(Kind.GAUGE),
    QUEUE_LAG_SECONDS(Kind.GAUGE),
    INTEGRATIONS_IN_ERROR(Kind.GAUGE),
    RECONCILE_UNREPAIRED(Kind.GAUGE),
    CIRCUITS_OPEN(Kind.GAUGE),
    // derived: what rules usually watch
    PROVIDER_ERROR_RATE(Kind.RATIO),
    WEBHOOK_FAILURE_RATE(Kind.RATIO),
    SEND_FAILURE_RATE(Kind.RATIO),
    RATE_LIMIT_HITS(Kind.RATIO);

    enum Kind { COUNTER, GAUGE, RATIO }

    private final Kind kind;

    Metric(Kind kind) {
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** The name in rules, samples and JSON: {@code provider_error_rate}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
    }
}
