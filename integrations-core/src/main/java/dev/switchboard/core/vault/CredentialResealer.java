package dev.switchboard.core.vault;

import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation, online: makes a newer key primary, then re-seals every stored secret of every
 * tenant under it, one row at a time with a compare-and-set, while the server keeps reading them
 * (the old key stays in the keyset until it is retired).
 */
@Service
public class CredentialResealer {

    private static final Logger log = LoggerFactory.getLogger(CredentialResealer.class);

    public record Rotation(int primaryKeyId, int resealed) {
    }

    /** A sealed column: the table, its key column, the sealed column, and how its rows are bound. */
    private record SealedColumn(String table, String idColumn, String column, String purpose, boolean tenantBound) {
    }

    private static final List<SealedColumn> COLUMNS = List.of(
            new SealedColumn("integration", "id", "credentials", "integration", false),
            new SealedColumn("agent_config", "singleton", "llm_api_key", "agent", true));

    private final VaultKeyset keyset;
    private final CredentialVault vault;
    private final TenantDirectory tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KeysetCanary canary;
    private final AuditLog audit;

    public CredentialResealer(VaultKeyset keyset, CredentialVault vault, TenantDirectory tenants, JdbcClient jdbc,
                              TransactionTemplate tx, KeysetCanary canary, AuditLog audit) {
        this.keyset = keyset;
        this.vault = vault;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.tx = tx;
        this.canary = canary;
        this.audit = audit;
    }

    public synchronized Rotation rotate() {
        keyset.rotate();
        int primary = keyset.primaryKeyId();
        canary.reseal();
        int resealed = 0;
        for (TenantRef tenant : tenants.all()) {
            try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                for (SealedColumn column : COLUMNS) {
                    resealed += reseal(tenant, column, primary);
                }
            }
        }
        audit.recordPlatform("keys.rotated", Integer.toString(primary), Map.of("resealed", resealed));
        log.info("credentials re-sealed under key {}: {} values", primary, resealed);
        return new Rotation(primary, resealed);
    }

    /** How many stored ciphertexts each key sealed: a key with none can be retired. */
    public Map<Integer, Long> usage() {
        Map<Integer, Long> usage = new TreeMap<>();
        keyset.keys().forEach(key -> usage.put(key.id(), 0L));
        canary.keyId().ifPresent(id -> usage.merge(id, 1L, Long::sum));
        for (TenantRef tenant : tenants.all()) {
            try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                for (SealedColumn column : COLUMNS) {
                    tx.execute(status -> jdbc.sql("SELECT " + column.column() + " FROM " + column.table()
                                    + " WHERE " + column.column() + " IS NOT NULL")
                            .query((rs, n) -> rs.getBytes(1)).list())
                            .forEach(sealed -> usage.merge(CredentialVault.keyIdOf(sealed), 1L, Long::sum));
                }
            }
        }
        return usage;
    }

    public void retire(int keyId) {
        long remaining = usage().getOrDefault(keyId, 0L);
        if (remaining > 0) {
            throw new VaultException("key " + keyId + " still seals " + remaining + " stored values: rotate first");
        }
        keyset.retire(keyId);
        audit.recordPlatform("keys.retired", Integer.toString(keyId), Map.of());
    }

    private int reseal(TenantRef tenant, SealedColumn column, int primary) {
        record Row(Object id, byte[] sealed) {
        }
        List<Row> rows = tx.execute(status -> jdbc.sql("SELECT " + column.idColumn() + ", " + column.column()
                        + " FROM " + column.table() + " WHERE " + column.column() + " IS NOT NULL")
                .query((rs, n) -> new Row(rs.getObject(1), rs.getBytes(2))).list());
        int count = 0;
        for (Row row : rows) {
            if (CredentialVault.keyIdOf(row.sealed()) == primary) {
                continue;
            }
            SealContext context = new SealContext(column.purpose(), tenant.id(),
                    column.tenantBound() ? tenant.id() : (UUID) row.id());
            byte[] resealed = vault.seal(context, vault.open(context, row.sealed()));
            Integer updated = tx.execute(status -> jdbc.sql("UPDATE " + column.table() + " SET " + column.column()
                            + " = :resealed WHERE " + column.idColumn() + " = :id AND " + column.column() + " = :old")
                    .param("resealed", resealed)
                    .param("id", row.id())
                    .param("old", row.sealed())
                    .update());
            count += updated == null ? 0 : updated;
        }
        return count;
    }
}
