package dev.switchboard.core.integration;

import dev.switchboard.core.tenant.QualifiedPool;
import dev.switchboard.core.tenant.TenantRef;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads integrations as {@link StoredIntegration} rows: one statement outside any transaction,
 * its table named with the tenant's schema, on the {@link QualifiedPool} (a tenant transaction would
 * cost four more round trips).
 */
@Component
public class StoredIntegrations {

    private final JdbcClient jdbc;

    public StoredIntegrations(QualifiedPool qualified) {
        this.jdbc = qualified.jdbc();
    }

    public Optional<StoredIntegration> find(TenantRef tenant, UUID integrationId) {
        return jdbc.sql("SELECT " + StoredIntegration.COLUMNS + " FROM " + tenant.qualifier() + "integration i WHERE i.id = :id")
                .param("id", integrationId)
                .query((rs, n) -> StoredIntegration.read(rs))
                .optional();
    }

    /** The tenant's active integrations. */
    public List<StoredIntegration> active(TenantRef tenant) {
        return jdbc.sql("SELECT " + StoredIntegration.COLUMNS + " FROM " + tenant.qualifier()
                        + "integration i WHERE i.status = :active")
                .param("active", IntegrationStatus.ACTIVE.wireName())
                .query((rs, n) -> StoredIntegration.read(rs))
                .list();
    }
}
