package dev.switchboard.sandbox.twilio;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's notion of now: wall-clock time plus an offset tests can advance, so the
 * 24-hour customer-service window and status timelines are testable without waiting.
 */
final class EmulatorClock {

    private volatile Duration offset = Duration.ZERO;

    Instant now() {
        return Instant.now().plus(offset);
    }

    long unixSeconds() {
        return now().getEpochSecond();
    }

    synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset = offset.plus(duration);
    }

    void reset() {
        offset = Duration.ZERO;
    }
}
