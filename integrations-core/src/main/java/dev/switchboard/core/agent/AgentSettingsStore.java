package dev.switchboard.core.agent;

import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.support.Json;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.vault.CredentialVault;
import dev.switchboard.core.vault.SealContext;
import dev.switchboard.core.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's agent configuration (single row of {@code agent_config}); the model key is sealed. */
@Component
public class AgentSettingsStore {

    private final JdbcClient jdbc;
    private final CredentialVault vault;
    private final AuditLog audit;

    public AgentSettingsStore(JdbcClient jdbc, CredentialVault vault, AuditLog audit) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public AgentSettings current() {
        TenantRef tenant = TenantContext.require();
        return jdbc.sql("SELECT kind, system_prompt, llm::text AS llm, llm_api_key FROM agent_config")
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
    }

    private Secret open(TenantRef tenant, byte[] sealed) {
        return sealed == null ? null
                : Secret.of(new String(vault.open(context(tenant), sealed), StandardCharsets.UTF_8));
    }

    private static SealContext context(TenantRef tenant) {
        return new SealContext("agent", tenant.id(), tenant.id());
    }
}
