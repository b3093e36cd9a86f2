package dev.switchboard.sandbox.google;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's notion of now: wall-clock time plus an offset tests can advance, so token
 * expiry, authorization-code expiry and channel expiration are testable without waiting.
 */
final class GoogleClock {

    private volatile Duration offset = Duration.ZERO;

    Instant now() {
        return Instant.now().plus(offset);
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
