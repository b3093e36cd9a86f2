package dev.switchboard.core.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant's API key, stored as a hash; the key itself is shown once, at creation. */
@Entity
@Table(name = "api_key", schema = "public")
public class ApiKey {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private String name;
    @Column(name = "key_hash")
    private byte[] keyHash;
    private String hint;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiKey() {
    }

    ApiKey(UUID tenantId, String name, byte[] keyHash, String hint) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.keyHash = keyHash;
        this.hint = hint;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public String getHint() {
        return hint;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
