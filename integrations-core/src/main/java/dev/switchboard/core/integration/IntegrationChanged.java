package dev.switchboard.core.integration;

import dev.switchboard.core.tenant.TenantRef;
import java.util.UUID;

/** Published inside the transaction that changed an integration; listeners act after commit. */
public record IntegrationChanged(TenantRef tenant, UUID integrationId, boolean removed) {
}
