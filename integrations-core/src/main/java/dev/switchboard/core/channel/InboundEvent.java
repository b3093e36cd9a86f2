package dev.switchboard.core.channel;

/** Something a provider told us: a message from a person, or a receipt for one of ours. */
public sealed interface InboundEvent permits InboundMessage, DeliveryReceipt {

    /** The provider's delivery identity; the same delivery twice has the same key. */
    String dedupKey();
}
