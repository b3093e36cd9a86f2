package dev.switchboard.core.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who logs into the web UI for one tenant. */
@Entity
@Table(name = "app_user", schema = "public")
public class AppUser {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private UUID tenantId;
    private String email;
    @Column(name = "password_hash")
    private String passwordHash;
    private String role;
    @Column(name = "created_at")
    private Instant createdAt;

    protected AppUser() {
    }

    public AppUser(UUID tenantId, String email, String passwordHash, String role) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getRole() {
        return role;
    }
}
