package dev.switchboard.sandbox.telegram;

import java.time.Duration;

/**
 * Switches tests flip. Retry defaults follow the Bot API server (first retry at once, then
 * 2 s, 4 s, ... capped at 60 s, no attempt limit: updates are dropped only when they expire);
 * the webhook response timeout and the callback answer window are not published, so those
 * defaults are plausible values, not measurements.
 */
final class EmulatorSettings {

    volatile boolean insecureWebhooks;
    volatile boolean deliveryPaused;
    volatile Duration initialBackoff = Duration.ofSeconds(1);
    volatile Duration maxBackoff = Duration.ofSeconds(60);
    volatile int maxAttempts = Integer.MAX_VALUE;
    volatile Duration responseTimeout = Duration.ofSeconds(10);
    volatile Duration latency = Duration.ZERO;
    volatile Duration callbackAnswerWindow = Duration.ofMinutes(1);

    /** Delay before the next attempt after {@code failures} failed ones (failures ≥ 1). */
    Duration retryDelay(int failures) {
        if (failures <= 1) {
            return Duration.ZERO;
        }
        Duration delay = initialBackoff;
        for (int i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
