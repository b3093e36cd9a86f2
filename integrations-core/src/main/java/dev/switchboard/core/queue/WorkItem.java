package dev.switchboard.core.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed unit of work. {@code attempts} is also the claim's token: a later claim of the same
 * item (after this one's lease expired) has a higher count, so a stale worker cannot complete it.
 *
 * @param leaseEnds when this node's lease on it ends, by this node's {@link System#nanoTime()}
 *                  reckoned from just before the claim (so a little early); comparable on this node only
 */
public record WorkItem(long id, UUID tenantId, String kind, UUID refId, int attempts, String owner, Instant createdAt,
                       long leaseEnds) {
}
