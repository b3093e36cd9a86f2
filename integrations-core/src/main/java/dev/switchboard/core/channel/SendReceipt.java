package dev.switchboard.core.channel;

/** @param providerMessageId the provider's id for the message just accepted */
public record SendReceipt(String providerMessageId) {
}
