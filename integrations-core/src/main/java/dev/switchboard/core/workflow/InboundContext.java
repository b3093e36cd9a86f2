package dev.switchboard.core.workflow;

import dev.switchboard.core.tenant.TenantRef;
import java.util.Map;
import java.util.UUID;

/** One inbound message as workflows see it. */
public record InboundContext(
        TenantRef tenant,
        UUID integrationId,
        String integrationType,
        UUID conversationId,
        UUID contactId,
        String chatId,
        UUID messageId,
        String kind,
        String text,
        Map<String, Object> payload) {
}
