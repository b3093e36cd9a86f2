package dev.switchboard.channel.telegram.webhook;

import dev.switchboard.channel.telegram.model.TgCallbackQuery;
import dev.switchboard.channel.telegram.model.TgMessage;
import dev.switchboard.channel.telegram.model.TgUpdate;
import dev.switchboard.channel.telegram.model.TgUser;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.MessageKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Telegram Updates into normalized events: messages (text, photo, document, voice,
 * location, contact) and button presses. Update types we do not handle yield nothing. The
 * de-duplication key is the {@code update_id}.
 */
public final class TelegramUpdateParser {

    private TelegramUpdateParser() {
    }

    public static Optional<InboundEvent> toEvent(TgUpdate update) {
        if (update.message() != null && update.message().chat() != null) {
            return Optional.of(message(update.updateId(), update.message()));
        }
        if (update.callbackQuery() != null) {
            return Optional.of(buttonPress(update.updateId(), update.callbackQuery()));
        }
        return Optional.empty();
    }

    public static List<InboundEvent> toEvents(List<TgUpdate> updates) {
        return updates.stream().map(TelegramUpdateParser::toEvent).flatMap(Optional::stream).toList();
    }

    private static InboundMessage message(long updateId, TgMessage m) {
        Map<String, Object> payload = new LinkedHashMap<>();
        MessageKind kind = MessageKind.TEXT;
        String text = m.text();
        if (m.photo() != null && !m.photo().isEmpty()) {
            kind = MessageKind.PHOTO;
            TgMessage.PhotoSize largest = m.photo().get(m.photo().size() - 1);
            payload.put("media", media(largest.fileId(), null, "image/jpeg"));
            text = m.caption();
        } else if (m.document() != null) {
            kind = MessageKind.DOCUMENT;
            payload.put("media", media(m.document().fileId(), m.document().fileName(), m.document().mimeType()));
            text = m.caption();
        } else if (m.voice() != null) {
            kind = MessageKind.VOICE;
            Map<String, Object> media = media(m.voice().fileId(), null, m.voice().mimeType());
            media.put("durationSeconds", m.voice().duration());
            payload.put("media", media);
        } else if (m.location() != null) {
            kind = MessageKind.LOCATION;
            payload.put("location", Map.of("latitude", m.location().latitude(), "longitude", m.location().longitude()));
        } else if (m.contact() != null) {
            kind = MessageKind.CONTACT;
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("phone", m.contact().phoneNumber());
            contact.put("name", join(m.contact().firstName(), m.contact().lastName()));
            contact.put("userId", m.contact().userId());
            payload.put("contact", contact);
        } else if (text == null) {
            kind = MessageKind.OTHER;
        }
        return new InboundMessage(Long.toString(updateId), Long.toString(m.chat().id()), sender(m.from(), m),
                kind, text, payload, Long.toString(m.messageId()), m.date() == null ? Instant.now()
                : Instant.ofEpochSecond(m.date()));
    }

    private static InboundMessage buttonPress(long updateId, TgCallbackQuery query) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("callbackQueryId", query.id());
        payload.put("data", query.data());
        String chatId = query.message() != null && query.message().chat() != null
                ? Long.toString(query.message().chat().id()) : Long.toString(query.from().id());
        String messageId = query.message() == null ? null : Long.toString(query.message().messageId());
        payload.put("messageId", messageId);
        return new InboundMessage(Long.toString(updateId), chatId, sender(query.from(), null), MessageKind.BUTTON,
                query.data(), payload, messageId, Instant.now());
    }

    private static InboundMessage.Sender sender(TgUser from, TgMessage message) {
        if (from == null) {
            // channel posts carry no sender: the chat speaks for itself
            return new InboundMessage.Sender(Long.toString(message.chat().id()), message.chat().title(),
                    message.chat().username(), null, null);
        }
        String phone = message != null && message.contact() != null && message.contact().userId() != null
                && message.contact().userId() == from.id() ? message.contact().phoneNumber() : null;
        return new InboundMessage.Sender(Long.toString(from.id()), from.displayName(), from.username(), phone,
                from.languageCode());
    }

    private static Map<String, Object> media(String fileId, String fileName, String mimeType) {
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("fileId", fileId);
        media.put("fileName", fileName);
        media.put("mimeType", mimeType);
        return media;
    }

    private static String join(String first, String last) {
        return last == null || last.isBlank() ? first : first + " " + last;
    }
}
