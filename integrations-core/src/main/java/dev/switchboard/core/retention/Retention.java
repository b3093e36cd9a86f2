package dev.switchboard.core.retention;

import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each tenant keeps messages for its retention period (default 365 days): older messages go,
 * then conversations and contacts left empty, then old receipts. Runs nightly, in batches, one
 * tenant at a time; what it removed is written to the tenant's audit log.
 */
@Service
public class Retention {

    private static final int BATCH = 5000;
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;

    public record Removed(long messages, long conversations, long contacts, long receipts) {
        boolean any() {
            return messages + conversations + contacts + receipts > 0;
        }
    }

    private final TenantDirectory tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    public Retention(TenantDirectory tenants, JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public int days() {
        return jdbc.sql("SELECT retention_days FROM tenant_settings").query(Integer.class).single();
    }

    @Transactional
    public void setDays(int days) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw InvalidInputException.of("retentionDays", "must be between " + MIN_DAYS + " and " + MAX_DAYS);
        }
        jdbc.sql("UPDATE tenant_settings SET retention_days = :days, updated_at = now()").param("days", days).update();
        audit.record("retention.changed", "tenant_settings", null, Map.of("retentionDays", days));
    }

    /** Applies every tenant's retention; returns the total of messages removed. */
    public long applyAll() {
        long messages = 0;
        for (TenantRef tenant : tenants.all()) {
            try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                messages += apply().messages();
            }
        }
        return messages;
    }

    /** Applies the retention of the tenant in context. */
    public Removed apply() {
        Integer configured = tx.execute(status -> jdbc.sql("SELECT retention_days FROM tenant_settings")
                .query(Integer.class).single());
        int days = configured == null ? 365 : configured;
        long messages = 0;
        long batch;
        do {
            batch = deleteBatch("""
                    DELETE FROM message WHERE id IN (SELECT id FROM message
                        WHERE created_at < now() - make_interval(days => :days) LIMIT :batch)
                    """, days);
            messages += batch;
        } while (batch == BATCH);
        Removed removed = new Removed(messages,
                deleteBatch("""
                        DELETE FROM conversation c WHERE coalesce(c.last_message_at, c.created_at) < now() - make_interval(days => :days)
                          AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id)
                        """, days),
                deleteBatch("""
                        DELETE FROM contact p WHERE p.updated_at < now() - make_interval(days => :days)
                          AND NOT EXISTS (SELECT 1 FROM conversation c WHERE c.contact_id = p.id)
                        """, days),
                deleteBatch("DELETE FROM delivery_receipt WHERE created_at < now() - make_interval(days => :days)", days));
        if (removed.any()) {
            tx.executeWithoutResult(status -> audit.record("retention.applied", "tenant_settings", null, Map.of(
                    "retentionDays", days, "messages", removed.messages(), "conversations", removed.conversations(),
                    "contacts", removed.contacts())));
        }
        return removed;
    }

    private long deleteBatch(String sql, int days) {
        Integer deleted = tx.execute(status -> jdbc.sql(sql).param("days", days).param("batch", BATCH).update());
        return deleted == null ? 0 : deleted;
    }
}
