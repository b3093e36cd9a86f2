package dev.switchboard.app.ui;

import dev.switchboard.core.conversation.Message;
import dev.switchboard.core.conversation.MessageStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message in the thread. Delivery status is text with a mark, never colour alone:
 * {@code ✓ sent}, {@code ✓✓ delivered}, {@code ✓✓ read}, {@code failed: <reason>}.
 */
public record MessageBubble(UUID id, boolean outbound, String text, MediaPreview media, String status, String statusMark,
                     String statusLabel, String error, Instant at) {

    static MessageBubble of(Message m) {
        boolean outbound = Message.OUT.equals(m.getDirection());
        MessageStatus status = m.getStatus();
        return new MessageBubble(m.getId(), outbound, m.getText(), MediaPreview.of(m.getKind(), m.getPayload()),
                status.wireName(), outbound ? mark(status) : "", outbound ? label(status) : "",
                status == MessageStatus.FAILED || status == MessageStatus.QUEUED ? m.getError() : null, m.getCreatedAt());
    }

    private static String mark(MessageStatus status) {
        return switch (status) {
            case QUEUED -> "\u25F7";
            case SENDING -> "\u2026";
            case SENT -> "\u2713";
            case DELIVERED, READ -> "\u2713\u2713";
            case FAILED -> "\u26A0";
            case RECEIVED -> "";
        };
    }

    private static String label(MessageStatus status) {
        return switch (status) {
            case QUEUED -> "queued";
            case SENDING -> "sending";
            case SENT -> "sent";
            case DELIVERED -> "delivered";
            case READ -> "read";
            case FAILED -> "failed";
            case RECEIVED -> "";
        };
    }

    /**
     * What a non-text message carries, shown as a card: the page's content policy allows no image
     * from another host, and a provider's file link may embed its token, so nothing is loaded inline.
     *
     * @param link an http(s) link to open the file or a map, when there is one without a secret in it
     */
    public record MediaPreview(String kind, String icon, String title, String detail, String link) {

        @SuppressWarnings("unchecked")
        static MediaPreview of(String kind, Map<String, Object> payload) {
            if (kind == null || "text".equals(kind)) {
                return null;
            }
            Map<String, Object> media = payload.get("media") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            return switch (kind) {
                case "photo" -> new MediaPreview(kind, "\u25E9", "Photo", describe(media), url(media));
                case "document" -> new MediaPreview(kind, "\u25A4", "Document", describe(media), url(media));
                case "voice", "audio" -> new MediaPreview(kind, "\u266A", "Voice message", describe(media),
                        url(media));
                case "video" -> new MediaPreview(kind, "\u25B6", "Video", describe(media), url(media));
                case "location" -> location(payload);
                case "contact" -> contact(payload);
                case "button" -> new MediaPreview(kind, "\u25C9", "Tapped a button",
                        String.valueOf(payload.getOrDefault("data", "")), null);
                default -> new MediaPreview(kind, "\u25A6", "Attachment (" + kind + ")", null, null);
            };
        }

        private static String describe(Map<String, Object> media) {
            StringBuilder text = new StringBuilder();
            for (String key : new String[] {"fileName", "mimeType"}) {
                if (media.get(key) instanceof String value && !value.isBlank()) {
                    text.append(text.length() == 0 ? "" : " \u00B7 ").append(value);
                }
            }
            return text.length() == 0 ? null : text.toString();
        }

        private static String url(Map<String, Object> media) {
            for (String key : new String[] {"url", "downloadUrl"}) {
                if (media.get(key) instanceof String value && value.matches("^https?://.+")) {
                    return value;
                }
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        private static MediaPreview location(Map<String, Object> payload) {
            Map<String, Object> at = payload.get("location") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Object lat = at.get("latitude");
            Object lon = at.get("longitude");
            String link = lat instanceof Number && lon instanceof Number
                    ? "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=16/" + lat + "/" + lon : null;
            String name = at.get("name") instanceof String n ? n + " \u00B7 " : "";
            return new MediaPreview("location", "\u2316", "Location", name + lat + ", " + lon, link);
        }

        @SuppressWarnings("unchecked")
        private static MediaPreview contact(Map<String, Object> payload) {
            Map<String, Object> card = payload.get("contact") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            String name = String.valueOf(card.getOrDefault("name", card.getOrDefault("firstName", "")));
            String phone = String.valueOf(card.getOrDefault("phone", card.getOrDefault("phoneNumber", "")));
            return new MediaPreview("contact", "\u263A", "Contact", (name + " " + phone).trim(), null);
        }
    }
}
