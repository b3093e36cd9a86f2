package dev.switchboard.sandbox.greenapi;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** A notification waiting for its webhook push or for receiveNotification/deleteNotification. */
record PendingNotification(long receiptId, String typeWebhook, String idMessage, ObjectNode body, Instant createdAt) {
}
