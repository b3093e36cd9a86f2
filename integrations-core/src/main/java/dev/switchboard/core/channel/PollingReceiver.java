package dev.switchboard.core.channel;

import java.time.Duration;
import java.util.List;

/**
 * Pull-based receiving (Telegram {@code getUpdates}, Green API {@code receiveNotification}) for
 * integrations without a usable public URL. Events are confirmed only after they are stored.
 */
public interface PollingReceiver {

    /** Whether this integration's settings call for polling (rather than webhooks). */
    boolean wanted(IntegrationHandle integration);

    /** Readies the remote side for polling (e.g. removes a webhook, which would forbid it). */
    default void prepare(IntegrationHandle integration) throws ChannelException {
    }

    /**
     * Waits up to {@code timeout} for events after {@code cursor} (null at first).
     * Returning them does not confirm them.
     */
    Batch poll(IntegrationHandle integration, String cursor, Duration timeout) throws ChannelException;

    /** Confirms a stored batch, where the provider needs more than the next poll's cursor. */
    default void confirm(IntegrationHandle integration, Batch batch) throws ChannelException {
    }

    /** @param nextCursor passed to the next poll; it confirms this batch where the provider works that way */
    record Batch(List<InboundEvent> events, String nextCursor, Object confirmation) {
    }
}
