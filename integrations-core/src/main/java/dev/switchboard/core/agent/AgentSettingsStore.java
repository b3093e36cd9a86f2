package dev.switchboard.core.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.support.Json;
import dev.switchboard.core.tenant.QualifiedPool;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.vault.CredentialVault;
import dev.switchboard.core.vault.SealContext;
import dev.switchboard.core.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant's agent configuration (single row of {@code agent_config}); the model key is sealed.
 *
 * <p>Every inbound message reads it, so it is kept, opened, for {@link #TTL} per tenant: reading
 * it was an eighth of the workers' CPU (a transaction, a statement planned again on every call,
 * the key opened). A change on this node is seen at once (the entry is evicted when it commits);
 * one made on another node within {@link #TTL}.
 */
@Component
public class AgentSettingsStore {

    static final Duration TTL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final JdbcClient qualified;
    private final CredentialVault vault;
    private final AuditLog audit;
    private final Cache<UUID, AgentSettings> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(TTL)
            .build();

    public AgentSettingsStore(JdbcClient jdbc, QualifiedPool qualified, CredentialVault vault, AuditLog audit) {
        this.jdbc = jdbc;
        this.qualified = qualified.jdbc();
        this.vault = vault;
        this.audit = audit;
    }

    /** The settings of the tenant in context. */
    public AgentSettings current() {
        TenantRef tenant = TenantContext.require();
        return cache.get(tenant.id(), id -> read(tenant));
    }

    private AgentSettings read(TenantRef tenant) {
        return qualified.sql("SELECT kind, system_prompt, llm::text AS llm, llm_api_key FROM "
                        + tenant.qualifier() + "agent_config")
                .query((rs, n) -> new AgentSettings(rs.getString("kind"), rs.getString("system_prompt"),
                        Json.readMap(rs.getString("llm")), open(tenant, rs.getBytes("llm_api_key"))))
                .single();
    }

    /** @param llmKey null keeps the stored key; a value replaces it */
    @Transactional
    public void save(String kind, String systemPrompt, Map<String, Object> llm, Secret llmKey) {
        TenantRef tenant = TenantContext.require();
        jdbc.sql("""
                UPDATE agent_config SET kind = :kind, system_prompt = :prompt, llm = :llm::jsonb,
                    llm_api_key = coalesce(:key, llm_api_key), updated_at = now()
                """)
                .param("kind", kind)
                .param("prompt", systemPrompt)
                .param("llm", llm == null ? null : Json.write(llm))
                .param("key", llmKey == null ? null : vault.seal(context(tenant),
                        llmKey.reveal().getBytes(StandardCharsets.UTF_8)))
                .update();
        audit.record("agent.updated", "agent", null, llmKey == null ? Map.of("kind", kind)
                : Map.of("kind", kind, "apiKey", "replaced"));
        evictAfterCommit(tenant);
    }

    private void evictAfterCommit(TenantRef tenant) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.invalidate(tenant.id());
            }
        });
    }

    private Secret open(TenantRef tenant, byte[] sealed) {
        return sealed == null ? null
                : Secret.of(new String(vault.open(context(tenant), sealed), StandardCharsets.UTF_8));
    }

    private static SealContext context(TenantRef tenant) {
        return new SealContext("agent", tenant.id(), tenant.id());
    }
}
