package dev.switchboard.core.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who writes to the tenant on one integration. */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    private UUID id;
    @Column(name = "integration_id")
    private UUID integrationId;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "display_name")
    private String displayName;
    private String username;
    private String phone;
    private String language;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Contact() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getIntegrationId() {
        return integrationId;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getUsername() {
        return username;
    }

    public String getPhone() {
        return phone;
    }

    public String getLanguage() {
        return language;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
