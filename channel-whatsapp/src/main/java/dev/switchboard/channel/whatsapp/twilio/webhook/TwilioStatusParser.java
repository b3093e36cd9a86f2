package dev.switchboard.channel.whatsapp.twilio.webhook;

import dev.switchboard.channel.whatsapp.twilio.model.TwilioErrors;
import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A status callback into a delivery receipt: {@code sent}, {@code delivered}, {@code read}, or
 * {@code failed}/{@code undelivered} with Twilio's error (63016 in words a person can act on).
 * Statuses before {@code sent} say nothing new. De-duplicated on ({@code MessageSid}, status), as
 * Twilio repeats callbacks.
 */
final class TwilioStatusParser {

    List<InboundEvent> parse(Map<String, List<String>> form) {
        String sid = TwilioWebhook.first(form, "MessageSid");
        String status = TwilioWebhook.first(form, "MessageStatus");
        if (status == null) {
            status = TwilioWebhook.first(form, "SmsStatus");
        }
        if (sid == null || sid.isBlank() || status == null || status.isBlank()) {
            throw new WebhookRejectedException(Reason.MALFORMED, "a status callback needs MessageSid and MessageStatus");
        }
        DeliveryReceipt.Status mapped;
        String error = null;
        switch (status) {
            case "sent" -> mapped = DeliveryReceipt.Status.SENT;
            case "delivered" -> mapped = DeliveryReceipt.Status.DELIVERED;
            case "read" -> mapped = DeliveryReceipt.Status.READ;
            case "failed", "undelivered" -> {
                mapped = DeliveryReceipt.Status.FAILED;
                error = TwilioErrors.describe(code(TwilioWebhook.first(form, "ErrorCode")),
                        TwilioWebhook.first(form, "ErrorMessage") == null ? status
                                : TwilioWebhook.first(form, "ErrorMessage"));
            }
            default -> {
                return List.of(); // queued, sending, accepted, ...: nothing to record
            }
        }
        return List.of(new DeliveryReceipt(sid + ":" + status, sid, mapped, error, Instant.now()));
    }

    private static Integer code(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
