package dev.switchboard.channel.whatsapp.twilio.webhook;

import dev.switchboard.channel.whatsapp.PhoneNumbers;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An inbound WhatsApp message into a normalized one: text, media ({@code NumMedia},
 * {@code MediaUrlN}, {@code MediaContentTypeN}; the caption is the Body), a shared location, a
 * quick-reply tap ({@code ButtonPayload}). The chat is the sender's E.164 number; the message is
 * de-duplicated on its {@code MessageSid}.
 */
final class TwilioInboundParser {

    List<InboundEvent> parse(Map<String, List<String>> form) {
        String sid = first(form, "MessageSid");
        if (sid == null) {
            sid = first(form, "SmsMessageSid");
        }
        String from = PhoneNumbers.e164(first(form, "From")).orElse(null);
        if (sid == null || from == null) {
            throw new WebhookRejectedException(Reason.MALFORMED, "an inbound message needs MessageSid and a whatsapp:+E164 From");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        String body = emptyToNull(first(form, "Body"));
        MessageKind kind;
        String text = body;
        List<Map<String, Object>> media = media(form);
        if (!media.isEmpty()) {
            kind = kindOf((String) media.get(0).get("mimeType"));
            payload.put("media", media.get(0));
            if (media.size() > 1) {
                payload.put("attachments", media);
            }
        } else if (first(form, "Latitude") != null && first(form, "Longitude") != null) {
            kind = MessageKind.LOCATION;
            payload.put("location", location(form));
            text = null;
        } else if (first(form, "ButtonPayload") != null || "button".equals(first(form, "MessageType"))) {
            kind = MessageKind.BUTTON;
            String data = first(form, "ButtonPayload") != null ? first(form, "ButtonPayload") : body;
            payload.put("data", data);
            payload.put("title", first(form, "ButtonText") != null ? first(form, "ButtonText") : body);
            payload.put("messageId", first(form, "OriginalRepliedMessageSid"));
            text = data;
        } else {
            kind = body == null ? MessageKind.OTHER : MessageKind.TEXT;
            if (body == null) {
                payload.put("messageType", first(form, "MessageType"));
            }
        }
        InboundMessage.Sender sender = new InboundMessage.Sender(from, emptyToNull(first(form, "ProfileName")), null,
                from, null);
        return List.of(new InboundMessage(sid, from, sender, kind, text, payload, sid, Instant.now()));
    }

    private static List<Map<String, Object>> media(Map<String, List<String>> form) {
        int count;
        try {
            count = Integer.parseInt(first(form, "NumMedia") == null ? "0" : first(form, "NumMedia").trim());
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "NumMedia is not a number");
        }
        List<Map<String, Object>> media = new ArrayList<>();
        for (int i = 0; i < Math.min(count, 10); i++) {
            String url = first(form, "MediaUrl" + i);
            if (url == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("url", url);
            item.put("mimeType", first(form, "MediaContentType" + i));
            item.put("caption", emptyToNull(first(form, "Body")));
            media.add(item);
        }
        return media;
    }

    private static Map<String, Object> location(Map<String, List<String>> form) {
        Map<String, Object> location = new LinkedHashMap<>();
        try {
            location.put("latitude", Double.parseDouble(first(form, "Latitude")));
            location.put("longitude", Double.parseDouble(first(form, "Longitude")));
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "Latitude and Longitude must be numbers");
        }
        location.put("name", emptyToNull(first(form, "Label")));
        location.put("address", emptyToNull(first(form, "Address")));
        return location;
    }

    /** Twilio names media by type: photos, videos, voice notes (OGG/Opus), other audio, documents. */
    private static MessageKind kindOf(String mimeType) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return MessageKind.PHOTO;
        }
        if (type.startsWith("video/")) {
            return MessageKind.VIDEO;
        }
        if (type.startsWith("audio/")) {
            return type.startsWith("audio/ogg") ? MessageKind.VOICE : MessageKind.AUDIO;
        }
        return MessageKind.DOCUMENT;
    }

    private static String first(Map<String, List<String>> form, String name) {
        return TwilioWebhook.first(form, name);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
