package dev.switchboard.channel.whatsapp.greenapi.model;

import tools.jackson.databind.JsonNode;

/** One answer of {@code receiveNotification}: the notification and the receipt that deletes it. */
public record ReceivedNotification(long receiptId, JsonNode body) {
}
