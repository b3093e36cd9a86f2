package dev.switchboard.core.channel;

import java.time.Instant;

/** The provider's word on one of our outbound messages. */
public record DeliveryReceipt(String dedupKey, String providerMessageId, Status status, String error, Instant at)
        implements InboundEvent {

    public enum Status {
        SENT, DELIVERED, READ, FAILED
    }
}
