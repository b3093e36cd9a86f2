package dev.switchboard.core.channel;

import java.time.Instant;
import java.util.Map;

/**
 * A message (or a button press) from a person, normalized across providers.
 *
 * @param dedupKey          the provider's delivery id (Telegram {@code update_id}, ...)
 * @param chatId            where a reply goes
 * @param text              the text, the media caption, or the pressed button's data
 * @param payload           kind-specific content: media, location, contact, button
 * @param providerMessageId the provider's id of the message itself
 */
public record InboundMessage(
        String dedupKey,
        String chatId,
        Sender sender,
        MessageKind kind,
        String text,
        Map<String, Object> payload,
        String providerMessageId,
        Instant sentAt) implements InboundEvent {

    /** The person behind a chat. */
    public record Sender(String externalId, String displayName, String username, String phone, String language) {
    }
}
