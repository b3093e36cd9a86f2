package dev.switchboard.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.AppIT;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A tenant's rows live in its own schema: another tenant can neither see nor touch them. */
class TenantIsolationIT extends AppIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aRowWrittenAsOneTenantIsInvisibleAsAnother() {
        TestTenant a = newTenant("iso_a");
        TestTenant b = newTenant("iso_b");

        assertThat(a.api().put("/api/v1/agent", Map.of("kind", "echo", "systemPrompt", "only for A")).status())
                .isEqualTo(200);

        assertThat(a.api().get("/api/v1/agent").text("systemPrompt")).isEqualTo("only for A");
        assertThat(b.api().get("/api/v1/agent").json().path("systemPrompt").isNull()).isTrue();
        assertThat(b.api().get("/api/v1/agent").text("kind")).isNotEqualTo("echo");
        assertThat(promptSeenAs(a.ref())).isEqualTo("only for A");
        assertThat(promptSeenAs(b.ref())).isNull();
    }

    @Test
    void aKeyOfOneTenantGets404ForAnotherTenantsObjects() {
        TestTenant a = newTenant("iso_c");
        TestTenant b = newTenant("iso_d");
        String aKeyId = a.api().post("/api/v1/api-keys", Map.of("name", "a's")).text("id");

        assertThat(b.api().delete("/api/v1/api-keys/" + aKeyId).status()).isEqualTo(404);
        assertThat(b.api().get("/api/v1/api-keys").body()).doesNotContain(aKeyId);
        assertThat(a.api().get("/api/v1/api-keys").body()).contains(aKeyId);
        assertThat(anonymous().get("/api/v1/api-keys").status()).isEqualTo(401);
    }

    private String promptSeenAs(TenantRef tenant) {
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            return tx.execute(status -> jdbc.sql("SELECT system_prompt FROM agent_config").query((rs, n) -> rs.getString(1)).list().get(0));
        }
    }
}
