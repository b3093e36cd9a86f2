package dev.switchboard.core.inbound;

import dev.switchboard.core.config.SwitchboardProperties;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether this node is taking a burst of webhooks: at least {@code burstWebhooks} of them wait for
 * their delivery's inbox commit ({@link InboundGroupCommit}) at once, or did within the last
 * {@link #HOLD}. The {@link InboxMover} leaves the machine to them meanwhile ({@link MoverYield}).
 * The count alone, read when the mover looks, dips below the mark between a lane's commits even at
 * a steady 64 connections, and the mover then took a batch of a thousand every time.
 */
@Component
public class IngestPressure {

    /** How long a burst counts as going on after the last moment enough webhooks waited. */
    static final Duration HOLD = Duration.ofMillis(250);

    private final int burstWebhooks;
    private final LongSupplier nanos;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile long burstSeenAt;

    @Autowired
    public IngestPressure(SwitchboardProperties properties) {
        this(properties.inbox().burstWebhooks(), System::nanoTime);
    }

    /** @param nanos a monotonic clock, in nanoseconds */
    IngestPressure(int burstWebhooks, LongSupplier nanos) {
        this.burstWebhooks = burstWebhooks;
        this.nanos = nanos;
        this.burstSeenAt = nanos.getAsLong() - HOLD.toNanos();
    }

    void arrived() {
        if (waiting.incrementAndGet() >= burstWebhooks && burstWebhooks > 0) {
            burstSeenAt = nanos.getAsLong(); // racing arrivals write nearly the same time: either will do
        }
    }

    void answered() {
        waiting.decrementAndGet();
    }

    /** Whether enough webhooks wait at once, or did lately: a burst is going on. */
    boolean inBurst() {
        return burstWebhooks > 0
                && (waiting.get() >= burstWebhooks || nanos.getAsLong() - burstSeenAt < HOLD.toNanos());
    }
}
