package dev.switchboard.sandbox.greenapi;

import java.time.Instant;

/**
 * One webhook POST of a notification.
 *
 * @param idMessage the notification's idMessage, null for types without one (stateInstanceChanged)
 * @param status    the receiver's HTTP status, 0 when no response arrived
 * @param error     why the attempt failed (timeout, connection refused, non-200), null when delivered
 */
public record GreenDelivery(String typeWebhook, String idMessage, int status, String error, Instant at) {

    /** Green API counts only 200 as delivered. */
    public boolean delivered() {
        return error == null;
    }
}
