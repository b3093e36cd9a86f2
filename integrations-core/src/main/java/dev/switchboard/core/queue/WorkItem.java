package dev.switchboard.core.queue;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed unit of work. {@code attempts} is also the claim's token: a later claim of the same
 * item (after this one's lease expired) has a higher count, so a stale worker cannot complete it.
 */
public record WorkItem(long id, UUID tenantId, String kind, UUID refId, int attempts, String owner, Instant createdAt) {
}
