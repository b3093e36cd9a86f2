package dev.switchboard.core.inbound;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When the {@link InboxMover} leaves the machine to webhooks: while this node takes a burst of
 * them ({@link IngestPressure}), for at most {@code burstDelay} after the start of the mover's last
 * pass that caught up with the inbox. A burst is then accepted at the rate the inbox alone allows,
 * and its messages are stored in the tenants' schemas (and answered) after it: storing and
 * triaging them while the webhooks still came took the machine the webhooks needed
 * (BENCHMARKS.md). Past the delay the mover moves whatever the load until it has caught up, so a
 * message reaches its conversation at most the delay after its webhook was answered, plus the
 * time the backlog takes to drain; under a load the node cannot keep up with at all, the mover
 * runs as if it never yielded.
 *
 * <p>Each node decides for itself, and the mover of a node that takes no burst moves the inbox
 * (all nodes') whenever it holds the inbox's lock: webhooks gain the machine only while every
 * node's mover yields.
 */
final class MoverYield {

    private final long burstDelayNanos;
    private final IngestPressure pressure;
    private final LongSupplier nanos;
    private long passStartedAt; // the mover's thread alone uses it
    private volatile long caughtUpAt; // read by the metrics' thread too

    /** @param nanos a monotonic clock, in nanoseconds */
    MoverYield(Duration burstDelay, IngestPressure pressure, LongSupplier nanos) {
        this.burstDelayNanos = burstDelay.toNanos();
        this.pressure = pressure;
        this.nanos = nanos;
        this.caughtUpAt = nanos.getAsLong();
    }

    /** Whether the mover should leave its next pass for later. */
    boolean yieldsNow() {
        return pressure.inBurst() && nanos.getAsLong() - caughtUpAt < burstDelayNanos;
    }

    /** The mover starts a pass. */
    void passStarts() {
        passStartedAt = nanos.getAsLong();
    }

    /**
     * The pass ended so: one that took all there was caught up with the inbox as it was when the
     * pass started (a full batch left more, and a pass that found another node's mover at work
     * moved nothing).
     */
    void passEnded(InboxMover.Pass pass) {
        if (pass == InboxMover.Pass.EMPTY || pass == InboxMover.Pass.MOVED) {
            caughtUpAt = passStartedAt;
        }
    }
}
