package dev.switchboard.core.vault;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * What a ciphertext is bound to: the AEAD's associated data. A ciphertext sealed for one
 * tenant's integration does not open for any other row.
 */
public record SealContext(String purpose, UUID tenantId, UUID objectId) {

    public SealContext {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(objectId, "objectId");
    }

    public static SealContext integration(UUID tenantId, UUID integrationId) {
        return new SealContext("integration", tenantId, integrationId);
    }

    byte[] associatedData() {
        return ("switchboard/v1/" + purpose + "/" + tenantId + "/" + objectId).getBytes(StandardCharsets.UTF_8);
    }
}
