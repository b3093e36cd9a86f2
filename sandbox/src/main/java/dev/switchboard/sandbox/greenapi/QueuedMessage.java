package dev.switchboard.sandbox.greenapi;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** An accepted send waiting in the instance's FIFO queue. */
final class QueuedMessage {

    final String idMessage;
    final String chatId;
    final ObjectNode messageData;
    final Instant acceptedAt;
    String forcedStatus;
    String forcedDescription;

    QueuedMessage(String idMessage, String chatId, ObjectNode messageData, Instant acceptedAt) {
        this.idMessage = idMessage;
        this.chatId = chatId;
        this.messageData = messageData;
        this.acceptedAt = acceptedAt;
    }
}
