package dev.switchboard.core.inbound;

import dev.switchboard.core.config.SwitchboardProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final Clock clock;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile long burstSeenAt; // epoch millis

    @Autowired
    public IngestPressure(SwitchboardProperties properties) {
        this(properties.inbox().burstWebhooks(), Clock.systemUTC());
    }

    IngestPressure(int burstWebhooks, Clock clock) {
        this.burstWebhooks = burstWebhooks;
        this.clock = clock;
    }

    void arrived() {
        if (waiting.incrementAndGet() >= burstWebhooks && burstWebhooks > 0) {
            burstSeenAt = clock.millis();
        }
    }

    void answered() {
        waiting.decrementAndGet();
    }

    /** Whether enough webhooks wait at once, or did lately: a burst is going on. */
    boolean inBurst() {
        return burstWebhooks > 0
                && (waiting.get() >= burstWebhooks || clock.millis() - burstSeenAt < HOLD.toMillis());
    }
}
