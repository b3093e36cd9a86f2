package dev.switchboard.app.monitoring;

import java.time.Duration;

/** A rule: when {@code metric} over {@code windowSeconds} is above (or below) {@code threshold}, alert. */
public record AlertRule(String name, String metric, String operator, double threshold, int windowSeconds,
                        String severity, boolean enabled) {

    boolean breached(double value) {
        return ">".equals(operator) ? value > threshold : value < threshold;
    }

    Duration window() {
        return Duration.ofSeconds(windowSeconds);
    }
}
