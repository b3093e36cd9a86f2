package dev.switchboard.core.integration;

import dev.switchboard.core.support.JsonMapConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A tenant's connection to one provider account (a bot, a number, a calendar). Tenant schema. */
@Entity
@Table(name = "integration")
public class Integration {

    @Id
    private UUID id;
    private String type;
    private String name;
    @Column(name = "status")
    @Convert(converter = StatusConverter.class)
    private IntegrationStatus status;
    private byte[] credentials;
    @Column(name = "credentials_hint")
    private String credentialsHint;
    @Convert(converter = JsonMapConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    private Map<String, Object> settings = new LinkedHashMap<>();
    @Column(name = "webhook_key")
    private String webhookKey;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "last_error_at")
    private Instant lastErrorAt;
    @Convert(converter = JsonMapConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "remote_state")
    private Map<String, Object> remoteState;
    @Column(name = "reconciled_at")
    private Instant reconciledAt;
    @Column(name = "checked_at")
    private Instant checkedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Integration() {
    }

    public Integration(UUID id, String type, String name, String webhookKey) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.webhookKey = webhookKey;
        this.status = IntegrationStatus.PENDING;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void connected(byte[] sealedCredentials, String hint, Map<String, Object> effectiveSettings) {
        this.credentials = sealedCredentials;
        this.credentialsHint = hint;
        this.settings = new LinkedHashMap<>(effectiveSettings);
        this.status = IntegrationStatus.ACTIVE;
        this.lastError = null;
        touch();
    }

    public void failed(String reason) {
        this.status = IntegrationStatus.ERROR;
        this.lastError = reason;
        this.lastErrorAt = Instant.now();
        touch();
    }

    /** Records a problem seen while working (a failed send, a failed poll) without changing status. */
    public void noteError(String reason) {
        this.lastError = reason;
        this.lastErrorAt = Instant.now();
        touch();
    }

    public void recovered() {
        this.status = IntegrationStatus.ACTIVE;
        touch();
    }

    public void disable() {
        this.status = IntegrationStatus.DISABLED;
        touch();
    }

    public void rename(String newName) {
        this.name = newName;
        touch();
    }

    public void replaceSettings(Map<String, Object> newSettings) {
        this.settings = new LinkedHashMap<>(newSettings);
        touch();
    }

    /** What the last reconcile saw of the remote side (pending updates, the provider's last error, ...). */
    public void reconciled(Map<String, Object> state) {
        this.remoteState = state == null ? null : new LinkedHashMap<>(state);
        this.reconciledAt = Instant.now();
    }

    public void checked() {
        this.checkedAt = Instant.now();
    }

    /** Merges what a health check or the provider reported into {@link #getRemoteState()}. */
    public void observed(Map<String, Object> state) {
        Map<String, Object> merged = remoteState == null ? new LinkedHashMap<>() : new LinkedHashMap<>(remoteState);
        merged.putAll(state);
        this.remoteState = merged;
        this.checkedAt = Instant.now();
    }

    /** Used by key rotation: the same credentials sealed under the newest key. */
    public void resealed(byte[] sealedCredentials) {
        this.credentials = sealedCredentials;
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public IntegrationStatus getStatus() {
        return status;
    }

    public byte[] getCredentials() {
        return credentials;
    }

    public String getCredentialsHint() {
        return credentialsHint;
    }

    public Map<String, Object> getSettings() {
        return settings;
    }

    public String getWebhookKey() {
        return webhookKey;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getLastErrorAt() {
        return lastErrorAt;
    }

    public Map<String, Object> getRemoteState() {
        return remoteState;
    }

    public Instant getReconciledAt() {
        return reconciledAt;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
