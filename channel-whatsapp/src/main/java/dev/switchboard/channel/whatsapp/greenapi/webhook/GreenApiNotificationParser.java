package dev.switchboard.channel.whatsapp.greenapi.webhook;

import dev.switchboard.channel.whatsapp.ChatIds;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenNotification;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenNotification.SenderData;
import dev.switchboard.channel.whatsapp.greenapi.model.InstanceStates;
import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.IntegrationStateChange;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import java.time.Instant;
import java.util.List;

/**
 * Turns Green API notifications into normalized events: {@code incomingMessageReceived} into
 * messages, {@code outgoingMessageStatus} into delivery receipts, {@code stateInstanceChanged} into
 * a change of the integration's state. Other types are acknowledged and dropped.
 *
 * <p>De-duplication keys follow providers.md §5 — (typeWebhook, idMessage, status) — with the chat
 * id added, because an {@code idMessage} is unique only within its chat; never {@code idMessage} alone.
 */
public final class GreenApiNotificationParser {

    static final String INCOMING = "incomingMessageReceived";
    static final String STATUS = "outgoingMessageStatus";
    static final String STATE = "stateInstanceChanged";

    private final GreenApiMessageContent content = new GreenApiMessageContent();

    public List<InboundEvent> parse(GreenNotification notification) {
        if (notification.typeWebhook() == null || notification.typeWebhook().isBlank()) {
            throw malformed("no typeWebhook");
        }
        return switch (notification.typeWebhook()) {
            case INCOMING -> List.of(incoming(notification));
            case STATUS -> receipt(notification).map(r -> List.<InboundEvent>of(r)).orElse(List.of());
            case STATE -> stateChange(notification).map(c -> List.<InboundEvent>of(c)).orElse(List.of());
            default -> List.of();
        };
    }

    private InboundMessage incoming(GreenNotification n) {
        SenderData sender = n.senderData();
        if (blank(n.idMessage()) || sender == null || blank(sender.chatId()) || n.messageData() == null) {
            throw malformed("an incoming message needs idMessage, senderData.chatId and messageData");
        }
        GreenApiMessageContent.Content parsed = content.of(n.messageData());
        String from = blank(sender.sender()) ? sender.chatId() : sender.sender();
        InboundMessage.Sender person = new InboundMessage.Sender(from, firstNonBlank(sender.senderName(),
                sender.senderContactName(), sender.chatName()), null, ChatIds.phoneOf(from), null);
        return new InboundMessage(String.join(":", INCOMING, sender.chatId(), n.idMessage()), sender.chatId(), person,
                parsed.kind(), parsed.text(), parsed.payload(), n.idMessage(), at(n));
    }

    private java.util.Optional<DeliveryReceipt> receipt(GreenNotification n) {
        if (blank(n.idMessage()) || blank(n.status())) {
            throw malformed("a status needs idMessage and status");
        }
        if (Boolean.FALSE.equals(n.sendByApi())) {
            return java.util.Optional.empty(); // typed on the phone: not one of ours
        }
        DeliveryReceipt.Status status;
        String error = null;
        switch (n.status()) {
            case "sent" -> status = DeliveryReceipt.Status.SENT;
            case "delivered" -> status = DeliveryReceipt.Status.DELIVERED;
            case "read" -> status = DeliveryReceipt.Status.READ;
            case "failed" -> {
                status = DeliveryReceipt.Status.FAILED;
                error = blank(n.description()) ? "WhatsApp could not deliver the message (failed)"
                        : "WhatsApp could not deliver the message: " + n.description();
            }
            case "noAccount" -> {
                status = DeliveryReceipt.Status.FAILED;
                error = "the number has no WhatsApp account (noAccount)";
            }
            case "notInGroup" -> {
                status = DeliveryReceipt.Status.FAILED;
                error = "the instance is not a member of this group (notInGroup)";
            }
            case "yellowCard" -> {
                status = DeliveryReceipt.Status.FAILED;
                error = "WhatsApp suspended sending from this number (yellowCard)";
            }
            default -> {
                return java.util.Optional.empty(); // pending and the like: nothing to record
            }
        }
        String chat = n.chatId() == null ? "" : n.chatId();
        return java.util.Optional.of(new DeliveryReceipt(String.join(":", STATUS, chat, n.idMessage(), n.status()),
                n.idMessage(), status, error, at(n)));
    }

    private java.util.Optional<IntegrationStateChange> stateChange(GreenNotification n) {
        String state = n.stateInstance();
        if (blank(state)) {
            throw malformed("stateInstanceChanged needs stateInstance");
        }
        if (InstanceStates.STARTING.equals(state)) {
            return java.util.Optional.empty(); // every setSettings and reboot passes through it: not news
        }
        boolean operational = InstanceStates.operational(state);
        return java.util.Optional.of(new IntegrationStateChange(
                String.join(":", STATE, state, n.timestamp() == null ? "" : n.timestamp().toString()), state,
                operational, operational ? null : InstanceStates.whatToDo(state), at(n)));
    }

    private static Instant at(GreenNotification n) {
        return n.timestamp() == null ? Instant.now() : Instant.ofEpochSecond(n.timestamp());
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (!blank(value)) {
                return value;
            }
        }
        return null;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static WebhookRejectedException malformed(String why) {
        return new WebhookRejectedException(Reason.MALFORMED, "not a Green API notification: " + why);
    }
}
