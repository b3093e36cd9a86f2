package dev.switchboard.app.api.messages;

import dev.switchboard.core.conversation.Message;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A message as the API shows it. */
public record MessageView(
        UUID id,
        UUID conversationId,
        UUID integrationId,
        String direction,
        String kind,
        String text,
        Map<String, Object> payload,
        String status,
        String providerMessageId,
        int attempts,
        String error,
        Instant createdAt,
        Instant sentAt,
        Instant deliveredAt,
        Instant readAt) {

    public static MessageView of(Message m) {
        return new MessageView(m.getId(), m.getConversationId(), m.getIntegrationId(), m.getDirection(), m.getKind(),
                m.getText(), m.getPayload(), m.getStatus().wireName(), m.getProviderMessageId(), m.getAttempts(),
                m.getError(), m.getCreatedAt(), m.getSentAt(), m.getDeliveredAt(), m.getReadAt());
    }
}
