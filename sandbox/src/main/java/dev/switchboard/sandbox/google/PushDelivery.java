package dev.switchboard.sandbox.google;

import java.time.Instant;

/**
 * One notification POST to a channel's address.
 *
 * @param resourceState {@code sync} or {@code exists}
 * @param attempt       1 for the first try of this message, 2 for its first retry, ...
 * @param status        the receiver's HTTP status, 0 when no response arrived
 * @param error         why the attempt failed, null when it was delivered
 * @param at            the emulator clock when the attempt finished
 */
public record PushDelivery(String channelId, String resourceState, long messageNumber, int attempt, int status,
        String error, Instant at) {

    public boolean delivered() {
        return error == null;
    }
}
