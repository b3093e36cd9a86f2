package dev.switchboard.core.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the {@link InboxMover} leaves the machine to webhooks: while this node takes a burst of
 * them ({@link IngestPressure}), for at most {@code burstDelay} after the mover last caught up
 * with the inbox. A burst is then accepted at the rate the inbox alone allows, and its messages
 * are stored in the tenants' schemas (and answered) after it: storing and triaging them while the
 * webhooks still came took the machine the webhooks needed (BENCHMARKS.md). Past the delay the
 * mover moves whatever the load, so a message reaches its conversation at most that long after its
 * webhook was answered, plus the time to catch up; under a load the node cannot keep up with at
 * all, it runs as if it never yielded.
 */
final class MoverYield {

    private final Duration burstDelay;
    private final IngestPressure pressure;
    private final Clock clock;
    private volatile Instant caughtUpAt;

    MoverYield(Duration burstDelay, IngestPressure pressure, Clock clock) {
        this.burstDelay = burstDelay;
        this.pressure = pressure;
        this.clock = clock;
        this.caughtUpAt = clock.instant();
    }

    /** The mover has nothing older left to move. */
    void caughtUp() {
        caughtUpAt = clock.instant();
    }

    /** Whether the mover should leave its next pass for later. */
    boolean now() {
        return pressure.inBurst() && clock.instant().isBefore(caughtUpAt.plus(burstDelay));
    }
}
