package dev.switchboard.app.api.integrations;

import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationDetails;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An integration as the API shows it: never a secret, only a masked hint. */
record IntegrationView(
        UUID id,
        String type,
        String name,
        String status,
        URI webhookUrl,
        String credentialsHint,
        Map<String, Object> settings,
        long messagesReceived,
        long messagesSent,
        Instant lastActivity,
        String lastError,
        Instant lastErrorAt,
        String circuit,
        Map<String, Object> remoteState,
        Instant reconciledAt,
        Instant checkedAt,
        Instant createdAt) {

    static IntegrationView of(IntegrationDetails details) {
        Integration i = details.integration();
        return new IntegrationView(i.getId(), i.getType(), i.getName(), i.getStatus().wireName(), details.webhookUrl(),
                i.getCredentialsHint(), i.getSettings(), details.totals().received(), details.totals().sent(),
                details.totals().lastActivity(), i.getLastError(), i.getLastErrorAt(), details.circuit(),
                i.getRemoteState(), i.getReconciledAt(), i.getCheckedAt(), i.getCreatedAt());
    }
}
