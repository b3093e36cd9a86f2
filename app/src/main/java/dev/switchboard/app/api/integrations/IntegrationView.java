package dev.switchboard.app.api.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationDetails;
import dev.switchboard.core.integration.IntegrationStatus;
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
        boolean operational,
        URI webhookUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) String statusCallbackUrl,
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

    /** Active, with credentials, and the provider's side not reported unusable (unauthorized, blocked, ...). */
    static boolean operational(Integration i) {
        return i.getStatus() == IntegrationStatus.ACTIVE && i.getCredentialsHint() != null
                && (i.getRemoteState() == null || !Boolean.FALSE.equals(i.getRemoteState().get("operational")));
    }

    static IntegrationView of(IntegrationDetails details) {
        Integration i = details.integration();
        return new IntegrationView(i.getId(), i.getType(), i.getName(), i.getStatus().wireName(), operational(i),
                details.webhookUrl(), (String) i.getSettings().get("statusCallbackUrl"),
                i.getCredentialsHint(), i.getSettings(), details.totals().received(), details.totals().sent(),
                details.totals().lastActivity(), i.getLastError(), i.getLastErrorAt(), details.circuit(),
                i.getRemoteState(), i.getReconciledAt(), i.getCheckedAt(), i.getCreatedAt());
    }
}
