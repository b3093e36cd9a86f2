package dev.switchboard.core.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenant", schema = "public")
public class Tenant {

    @Id
    private UUID id;
    private String slug;
    private String name;
    @Column(name = "schema_name")
    private String schemaName;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Tenant() {
    }

    public Tenant(UUID id, String slug, String name) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.schemaName = TenantRef.schemaOf(slug);
        this.createdAt = Instant.now();
    }

    public TenantRef ref() {
        return new TenantRef(id, slug);
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
