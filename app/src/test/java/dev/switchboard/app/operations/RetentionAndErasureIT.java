package dev.switchboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Retention removes exactly what is older than the tenant's period; erasure removes exactly one person; both are audited. */
class RetentionAndErasureIT extends TelegramIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void retentionRemovesOnlyWhatIsOlderThanThePeriodAndAuditsIt() {
        Connected connected = connectEchoBot("retention", "webhook");
        TgUser old = telegram.user(5_600_000_001L, "Old", "old", "en");
        TgUser recent = telegram.user(5_600_000_002L, "Recent", "recent", "en");
        startChat(connected, old);
        startChat(connected, recent);
        TenantRef tenant = connected.tenant().ref();
        inTenant(tenant, "UPDATE message SET created_at = now() - interval '40 days' WHERE conversation_id IN "
                + "(SELECT id FROM conversation WHERE chat_id = '" + old.id() + "')");
        inTenant(tenant, "UPDATE conversation SET last_message_at = now() - interval '40 days' WHERE chat_id = '" + old.id() + "'");
        inTenant(tenant, "UPDATE contact SET updated_at = now() - interval '40 days' WHERE external_id = '" + old.id() + "'");

        assertThat(connected.tenant().api().put("/api/v1/settings", Map.of("retentionDays", 0)).status()).isEqualTo(400);
        assertThat(connected.tenant().api().put("/api/v1/settings", Map.of("retentionDays", 30)).json()
                .path("retentionDays").asInt()).isEqualTo(30);
        admin().post("/api/v1/admin/jobs/retention/run", null);

        eventually(() -> assertThat(count(tenant, "SELECT count(*) FROM conversation WHERE chat_id = '" + old.id() + "'"))
                .isZero());
        assertThat(count(tenant, "SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id "
                + "WHERE c.chat_id = '" + recent.id() + "'")).isEqualTo(2);
        assertThat(count(tenant, "SELECT count(*) FROM contact WHERE external_id = '" + old.id() + "'")).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM contact WHERE external_id = '" + recent.id() + "'")).isEqualTo(1);
        JsonNode audit = connected.tenant().api().get("/api/v1/audit").json().path("items");
        JsonNode applied = audit.valueStream().filter(e -> e.path("action").asString().equals("retention.applied"))
                .findFirst().orElseThrow();
        assertThat(applied.path("details").path("messages").asInt()).isEqualTo(2);
        assertThat(applied.path("actor").asString()).isEqualTo("system");
    }

    @Test
    void erasingAContactRemovesTheirConversationsAndMessagesOnlyAndIsAudited() {
        Connected connected = connectEchoBot("erasure", "webhook");
        TgUser forget = telegram.user(5_600_000_101L, "Forget", "forget_me", "en");
        TgUser keep = telegram.user(5_600_000_102L, "Keep", "keep_me", "en");
        startChat(connected, forget);
        startChat(connected, keep);
        JsonNode contacts = connected.tenant().api().get("/api/v1/contacts").json().path("items");
        String forgetId = contacts.valueStream().filter(c -> c.path("username").asString().equals("forget_me"))
                .findFirst().orElseThrow().path("id").asString();

        assertThat(connected.tenant().api().delete("/api/v1/contacts/" + forgetId).status()).isEqualTo(204);

        assertThat(connected.tenant().api().get("/api/v1/contacts/" + forgetId).status()).isEqualTo(404);
        assertThat(messagesOfChat(connected.tenant(), forget.id())).isEmpty();
        assertThat(messagesOfChat(connected.tenant(), keep.id())).hasSize(2);
        assertThat(connected.tenant().api().get("/api/v1/conversations?q=forget_me").json().path("total").asInt()).isZero();
        JsonNode erased = connected.tenant().api().get("/api/v1/audit").json().path("items").valueStream()
                .filter(e -> e.path("action").asString().equals("contact.erased")).findFirst().orElseThrow();
        assertThat(erased.path("objectId").asString()).isEqualTo(forgetId);
        assertThat(erased.path("details").path("messages").asInt()).isEqualTo(2);
        assertThat(erased.path("actor").asString()).startsWith("api-key:");
        assertThat(erased.toString()).doesNotContain("forget_me").doesNotContain("Forget");
    }

    @Test
    void credentialChangesConnectsAndKeysAreAuditedWithoutSecrets() {
        Connected connected = connectEchoBot("audited", "webhook");
        String path = "/api/v1/integrations/" + connected.integrationId();
        connected.tenant().api().post(path + "/disable", null);
        connected.tenant().api().post(path + "/enable", null);
        String key = connected.tenant().api().post("/api/v1/api-keys", Map.of("name", "ci")).text("key");
        connected.tenant().api().delete(path);

        JsonNode audit = connected.tenant().api().get("/api/v1/audit").json().path("items");
        List<String> actions = audit.findValuesAsString("action");
        assertThat(actions).contains("integration.connected", "integration.disabled", "integration.enabled",
                "api_key.created", "integration.deleted", "agent.updated");
        assertThat(audit.toString()).doesNotContain(connected.bot().token()).doesNotContain(key)
                .doesNotContain(connected.tenant().apiKey());
        assertThat(admin().get("/api/v1/admin/audit").json().path("items").findValuesAsString("objectId"))
                .contains(connected.tenant().slug());
    }

    private void inTenant(TenantRef tenant, String sql) {
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            tx.executeWithoutResult(status -> jdbc.sql(sql).update());
        }
    }

    private long count(TenantRef tenant, String sql) {
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            return tx.execute(status -> jdbc.sql(sql).query(Long.class).single());
        }
    }
}
