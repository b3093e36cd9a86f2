package dev.switchboard.core.channel;

/** Something a provider told us: a message from a person, a receipt for one of ours, a change of the account's state. */
public sealed interface InboundEvent permits InboundMessage, DeliveryReceipt, IntegrationStateChange, RemoteChange {

    /** The provider's delivery identity; the same delivery twice has the same key. */
    String dedupKey();
}
