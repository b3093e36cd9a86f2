package dev.switchboard.core.inbound;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How many webhooks of this node are waiting for their delivery's inbox commit
 * ({@link InboundGroupCommit}): the {@link InboxMover} leaves the machine to them while many are
 * ({@link MoverYield}).
 */
@Component
public class IngestPressure {

    private final AtomicInteger waiting = new AtomicInteger();

    void arrived() {
        waiting.incrementAndGet();
    }

    void answered() {
        waiting.decrementAndGet();
    }

    /** Webhooks of this node waiting for their commit now. */
    public int waiting() {
        return waiting.get();
    }
}
