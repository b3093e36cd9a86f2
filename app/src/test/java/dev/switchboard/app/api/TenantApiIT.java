package dev.switchboard.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.AppIT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TenantApiIT extends AppIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachTenantGetsItsOwnMigratedSchema() {
        TestTenant a = newTenant("alpha");
        TestTenant b = newTenant("beta");

        assertThat(schemaExists("t_" + a.slug())).isTrue();
        assertThat(schemaExists("t_" + b.slug())).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = :s AND table_name = 'message'")
                .param("s", "t_" + a.slug()).query(Long.class).single()).isEqualTo(1);
        Api.Response fetched = admin().get("/api/v1/tenants/" + a.slug());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.text("id")).isEqualTo(a.id().toString());
        assertThat(fetched.json().has("apiKey")).isFalse();
    }

    @Test
    void duplicateSlugIsAConflictNamingTheSlug() {
        TestTenant a = newTenant("dup");

        Api.Response again = admin().post("/api/v1/tenants", Map.of("slug", a.slug(), "name", "Again",
                "ownerEmail", "other-" + a.slug() + "@example.test", "ownerPassword", "long enough password"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("errors").get(0).path("field").asString()).isEqualTo("slug");
    }

    @Test
    void anInjectionSlugIsRejectedBeforeAnySqlRuns() {
        long tenantsBefore = count("SELECT count(*) FROM public.tenant");
        long schemasBefore = count("SELECT count(*) FROM information_schema.schemata");

        Api.Response response = admin().post("/api/v1/tenants", Map.of("slug", "a; drop schema public",
                "name", "Evil", "ownerEmail", "evil@example.test", "ownerPassword", "long enough password"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("slug");
        assertThat(count("SELECT count(*) FROM public.tenant")).isEqualTo(tenantsBefore);
        assertThat(count("SELECT count(*) FROM information_schema.schemata")).isEqualTo(schemasBefore);
        assertThat(schemaExists("public")).isTrue();
    }

    @Test
    void onlyTheAdministratorManagesTenants() {
        TestTenant a = newTenant("gate");

        assertThat(anonymous().get("/api/v1/tenants").status()).isEqualTo(401);
        assertThat(asKey("sk_not_a_real_key").get("/api/v1/tenants").status()).isEqualTo(401);
        assertThat(asKey("adm_wrong").get("/api/v1/tenants").status()).isEqualTo(401);
        assertThat(a.api().get("/api/v1/tenants").status()).isEqualTo(403);
        assertThat(a.api().post("/api/v1/tenants", Map.of()).status()).isEqualTo(403);
        Api.Response list = admin().get("/api/v1/tenants?page=0&size=200");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").findValuesAsString("slug")).contains(a.slug());
        assertThat(list.json().path("size").asInt()).isEqualTo(200);
    }

    @Test
    void theAdministratorActsForTheTenantNamedInXTenant() {
        TestTenant a = newTenant("xtenant");

        Api.Response missing = admin().get("/api/v1/integrations");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactly("X-Tenant");
        assertThat(admin().withHeader("X-Tenant", "no_such_tenant").get("/api/v1/integrations").status()).isEqualTo(404);
        Api.Response asTenant = admin().withHeader("X-Tenant", a.slug()).get("/api/v1/integrations");
        assertThat(asTenant.status()).isEqualTo(200);
        assertThat(asTenant.json().path("total").asLong()).isZero();
    }

    @Test
    void deletingATenantNeedsConfirmationThenDropsItsSchemaAndKeys() {
        TestTenant a = newTenant("gone");

        Api.Response unconfirmed = admin().delete("/api/v1/tenants/" + a.slug());
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.json().path("errors").findValuesAsString("field")).containsExactly("confirm");
        assertThat(schemaExists("t_" + a.slug())).isTrue();

        assertThat(admin().delete("/api/v1/tenants/" + a.slug() + "?confirm=" + a.slug()).status()).isEqualTo(204);

        assertThat(schemaExists("t_" + a.slug())).isFalse();
        assertThat(admin().get("/api/v1/tenants/" + a.slug()).status()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM public.api_key WHERE tenant_id = '" + a.id() + "'")).isZero();
    }

    @Test
    void apiKeysAreShownOnceListedWithoutSecretsAndRevocable() {
        TestTenant a = newTenant("keys");

        Api.Response created = a.api().post("/api/v1/api-keys", Map.of("name", "ci"));
        assertThat(created.status()).isEqualTo(201);
        String second = created.text("key");
        assertThat(second).startsWith("sk_");
        assertThat(asKey(second).get("/api/v1/integrations").status()).isEqualTo(200);

        Api.Response listed = a.api().get("/api/v1/api-keys");
        assertThat(listed.json().path("total").asInt()).isEqualTo(2);
        assertThat(listed.body()).doesNotContain(second).doesNotContain(a.apiKey());
        assertThat(listed.json().path("items").findValuesAsString("hint")).allMatch(h -> h.startsWith("sk_…"));

        assertThat(storedAsHash(second)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM public.api_key WHERE position('" + second + "' IN name || hint) > 0")).isZero();

        assertThat(a.api().delete("/api/v1/api-keys/" + created.text("id")).status()).isEqualTo(204);
        assertThat(asKey(second).get("/api/v1/integrations").status()).isEqualTo(401);
        assertThat(storedAsHash(second)).isZero();
    }

    private long storedAsHash(String key) {
        return jdbc.sql("SELECT count(*) FROM public.api_key WHERE key_hash = sha256(convert_to(:key, 'UTF8'))")
                .param("key", key).query(Long.class).single();
    }

    private boolean schemaExists(String schema) {
        return count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + schema + "'") == 1;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static List<String> fields(Api.Response response) {
        return response.json().path("errors").findValuesAsString("field");
    }
}
