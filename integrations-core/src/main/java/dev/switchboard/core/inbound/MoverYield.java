package dev.switchboard.core.inbound;

import dev.switchboard.core.config.SwitchboardProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the {@link InboxMover} leaves the machine to webhooks: while at least
 * {@code burstWebhooks} of this node's webhooks wait for their inbox commit, for at most
 * {@code burstDelay} after the mover last caught up with the inbox. A burst is then accepted at
 * the rate the inbox alone allows, and stored in the tenants' schemas (and answered) after it:
 * on two cores, storing and triaging each message while the webhooks came cost two fifths of the
 * webhooks accepted. Past the delay the mover moves whatever the load, so a message appears in its
 * conversation at most that long after its webhook was answered, plus the time to catch up; under
 * a load the node cannot keep up with at all, it runs as if it never yielded.
 */
final class MoverYield {

    private final int burstWebhooks;
    private final Duration burstDelay;
    private final IngestPressure pressure;
    private final Clock clock;
    private volatile Instant caughtUpAt;

    MoverYield(SwitchboardProperties.Inbox settings, IngestPressure pressure, Clock clock) {
        this.burstWebhooks = settings.burstWebhooks();
        this.burstDelay = settings.burstDelay();
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
        return burstWebhooks > 0 && pressure.waiting() >= burstWebhooks
                && clock.instant().isBefore(caughtUpAt.plus(burstDelay));
    }
}
