package dev.switchboard.sandbox.time;

import java.time.Duration;
import java.time.Instant;

/**
 * An emulator's notion of now: wall-clock time plus an offset tests can advance, so 24-hour
 * windows, expiries and status timelines are testable without waiting.
 */
public final class EmulatorClock {

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    public long unixSeconds() {
        return now().getEpochSecond();
    }

    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
