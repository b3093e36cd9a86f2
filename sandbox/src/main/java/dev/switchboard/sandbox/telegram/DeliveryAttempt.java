package dev.switchboard.sandbox.telegram;

import java.time.Instant;

/**
 * One webhook POST.
 *
 * @param attempt 1 for the first try of this update, 2 for the first retry, ...
 * @param status  the receiver's HTTP status, 0 when no response arrived
 * @param error   the last_error_message this attempt produced, null when it was delivered
 */
public record DeliveryAttempt(long updateId, int attempt, int status, String error, Instant at) {

    public boolean delivered() {
        return error == null;
    }
}
