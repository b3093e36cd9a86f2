package dev.switchboard.app.monitoring;

import java.time.Instant;

/** A rule that fired; {@code resolvedAt} is null while it is active. */
public record AlertEvent(long id, String rule, String severity, double value, double threshold, Instant firedAt,
                         Instant resolvedAt) {
}
