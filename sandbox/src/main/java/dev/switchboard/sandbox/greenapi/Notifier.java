package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import java.time.Instant;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds notifications in Green API's shapes and queues them when the instance's setting for
 * their type is "yes". The queue is consumed by webhook push (webhookUrl set) or by
 * receiveNotification (webhookUrl empty). Call with the state lock held.
 */
final class Notifier {

    private final GreenState state;
    private Consumer<InstanceAccount> onQueued = account -> { };

    Notifier(GreenState state) {
        this.state = state;
    }

    void onQueued(Consumer<InstanceAccount> listener) {
        this.onQueued = listener;
    }

    ObjectNode instanceData(InstanceAccount account) {
        return Json.object()
                .put("idInstance", account.id())
                .put("wid", account.instance.wid())
                .put("typeInstance", "whatsapp");
    }

    /** incomingMessageReceived, outgoingMessageReceived, outgoingAPIMessageReceived. */
    ObjectNode message(InstanceAccount account, String typeWebhook, String idMessage, ObjectNode senderData,
            ObjectNode messageData) {
        ObjectNode body = head(account, typeWebhook);
        body.put("timestamp", state.clock.unixSeconds());
        body.put("idMessage", idMessage);
        body.set("senderData", senderData);
        body.set("messageData", messageData);
        return body;
    }

    ObjectNode status(InstanceAccount account, String chatId, String idMessage, String status, String description) {
        ObjectNode body = Json.object().put("typeWebhook", "outgoingMessageStatus").put("chatId", chatId);
        body.set("instanceData", instanceData(account));
        body.put("timestamp", state.clock.unixSeconds());
        body.put("idMessage", idMessage);
        body.put("status", status);
        if (description != null) {
            body.put("description", description);
        }
        body.put("sendByApi", true);
        return body;
    }

    ObjectNode stateChanged(InstanceAccount account, String stateInstance) {
        ObjectNode body = head(account, "stateInstanceChanged");
        body.put("timestamp", state.clock.unixSeconds());
        body.put("stateInstance", stateInstance);
        return body;
    }

    ObjectNode incomingCall(InstanceAccount account, String from, String idMessage, String status) {
        ObjectNode body = Json.object().put("from", from).put("typeWebhook", "incomingCall");
        body.set("instanceData", instanceData(account));
        body.put("status", status);
        body.put("timestamp", state.clock.unixSeconds());
        body.put("idMessage", idMessage);
        return body;
    }

    /** Queues the notification if its switch is on (or {@code always}, as for noAccount/failed statuses). */
    boolean emit(InstanceAccount account, String idMessage, ObjectNode body, boolean always) {
        String type = body.path("typeWebhook").asString();
        if (!always && !account.settings.on(switchFor(type))) {
            return false;
        }
        queue(account, type, idMessage, body, state.clock.now());
        return true;
    }

    /** Queues a copy of the last queued notification with a fresh receiptId. */
    void repeatLast(InstanceAccount account) {
        PendingNotification last = account.lastNotification;
        if (last == null) {
            throw new IllegalStateException("instance " + account.id() + " has queued no notification yet");
        }
        queue(account, last.typeWebhook(), last.idMessage(), last.body().deepCopy(), state.clock.now());
    }

    /** Drops queued notifications older than 24 h of emulator time. */
    void expire(InstanceAccount account) {
        Instant cutoff = state.clock.now().minus(Switches.RETENTION);
        account.notifications.removeIf(n -> n.createdAt().isBefore(cutoff) && !(account.pushInFlight
                && n == account.notifications.peekFirst()));
    }

    private void queue(InstanceAccount account, String type, String idMessage, ObjectNode body, Instant at) {
        PendingNotification notification = new PendingNotification(account.nextReceiptId++, type, idMessage, body, at);
        account.notifications.addLast(notification);
        account.lastNotification = notification;
        state.signalChange();
        onQueued.accept(account);
    }

    private ObjectNode head(InstanceAccount account, String typeWebhook) {
        ObjectNode body = Json.object().put("typeWebhook", typeWebhook);
        body.set("instanceData", instanceData(account));
        return body;
    }

    static String switchFor(String typeWebhook) {
        return switch (typeWebhook) {
            case "incomingMessageReceived" -> "incomingWebhook";
            case "outgoingMessageReceived" -> "outgoingMessageWebhook";
            case "outgoingAPIMessageReceived" -> "outgoingAPIMessageWebhook";
            case "outgoingMessageStatus" -> "outgoingWebhook";
            case "stateInstanceChanged" -> "stateWebhook";
            case "incomingCall" -> "incomingCallWebhook";
            case "deviceInfo" -> "deviceWebhook";
            case "incomingBlock", "quotaExceeded" -> "incomingBlockWebhook";
            default -> "incomingWebhook";
        };
    }
}
