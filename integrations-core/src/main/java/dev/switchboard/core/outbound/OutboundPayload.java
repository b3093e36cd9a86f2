package dev.switchboard.core.outbound;

import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.support.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** How an outbound message's content is kept in {@code message.payload}, and read back for sending. */
final class OutboundPayload {

    private static final List<String> IMAGE_SUFFIXES = List.of(".jpg", ".jpeg", ".png", ".gif", ".webp");

    private OutboundPayload() {
    }

    static Map<String, Object> of(NewOutbound request) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (request.media() != null) {
            payload.put("media", request.media());
        }
        if (request.location() != null) {
            payload.put("location", request.location());
        }
        if (request.contact() != null) {
            payload.put("contact", request.contact());
        }
        if (request.buttons() != null && !request.buttons().isEmpty()) {
            payload.put("buttons", request.buttons());
        }
        if (request.template() != null) {
            payload.put("template", request.template());
        }
        // stored as plain JSON values so the row reads back without our types
        return Json.readMap(Json.write(payload));
    }

    static MessageKind kind(NewOutbound request) {
        if (request.media() != null) {
            String path = request.media().url().toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
            return IMAGE_SUFFIXES.stream().anyMatch(path::endsWith) ? MessageKind.PHOTO : MessageKind.DOCUMENT;
        }
        if (request.location() != null) {
            return MessageKind.LOCATION;
        }
        if (request.contact() != null) {
            return MessageKind.CONTACT;
        }
        return MessageKind.TEXT;
    }

    static OutboundMessage toOutbound(UUID messageId, String text, Map<String, Object> payload, String to) {
        return new OutboundMessage(messageId, to, text,
                convert(payload.get("media"), OutboundMessage.Media.class),
                convert(payload.get("location"), OutboundMessage.Location.class),
                convert(payload.get("contact"), OutboundMessage.ContactCard.class),
                payload.get("buttons") == null ? List.of()
                        : ((List<?>) payload.get("buttons")).stream()
                                .map(b -> convert(b, OutboundMessage.Button.class)).toList(),
                convert(payload.get("template"), OutboundMessage.Template.class));
    }

    private static <T> T convert(Object value, Class<T> type) {
        return value == null ? null : Json.MAPPER.convertValue(value, type);
    }
}
