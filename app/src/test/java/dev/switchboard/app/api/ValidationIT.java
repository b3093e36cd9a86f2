package dev.switchboard.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.AppIT;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a problem document naming each field by its dotted path, and changes nothing. */
class ValidationIT extends AppIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void malformedJsonIsA400ProblemAndWritesNothing() {
        long before = tenants();
        Api.Response response = admin().postRaw("/api/v1/tenants", "application/json",
                "{\"slug\": \"abc\",".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("title").asString()).isEqualTo("Bad Request");
        assertThat(response.json().path("detail").asString()).contains("malformed JSON");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
        assertThat(tenants()).isEqualTo(before);
    }

    @Test
    void missingFieldsAreEachNamed() {
        long before = tenants();
        Api.Response response = admin().post("/api/v1/tenants", Map.of("slug", "valid_slug_x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(TenantApiIT.fields(response)).containsExactlyInAnyOrder("name", "ownerEmail", "ownerPassword");
        assertThat(tenants()).isEqualTo(before);
    }

    @Test
    void wrongTypesAndFormatsNameTheirField() {
        long before = tenants();
        assertThat(TenantApiIT.fields(admin().post("/api/v1/tenants", Map.of("slug", 5, "name", "n",
                "ownerEmail", "x@example.test", "ownerPassword", "long enough password")))).containsExactly("slug");
        assertThat(TenantApiIT.fields(admin().post("/api/v1/tenants", Map.of("slug", "fine_slug", "name", true,
                "ownerEmail", "x@example.test", "ownerPassword", "long enough password")))).containsExactly("name");
        assertThat(TenantApiIT.fields(admin().post("/api/v1/tenants", Map.of("slug", "fine_slug", "name", "n",
                "ownerEmail", "not-an-email", "ownerPassword", "long enough password")))).containsExactly("ownerEmail");
        assertThat(tenants()).isEqualTo(before);
    }

    @Test
    void nestedFieldsAreNamedByTheirDottedPath() {
        TestTenant tenant = newTenant("val");

        Api.Response wrongType = tenant.api().post("/api/v1/messages", Map.of("integrationId", UUID.randomUUID().toString(),
                "to", "42", "location", Map.of("latitude", "north", "longitude", 1)));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(TenantApiIT.fields(wrongType)).containsExactly("location.latitude");

        Api.Response outOfRange = tenant.api().post("/api/v1/messages", Map.of("integrationId", UUID.randomUUID().toString(),
                "to", "42", "location", Map.of("latitude", 91, "longitude", 1),
                "buttons", List.of(Map.of("id", "", "title", "Yes"))));
        assertThat(TenantApiIT.fields(outOfRange)).containsExactlyInAnyOrder("location.latitude", "buttons[0].id");

        Api.Response badCredentials = tenant.api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "bot",
                "credentials", Map.of("botToken", "not a token")));
        assertThat(badCredentials.status()).isEqualTo(400);
        assertThat(TenantApiIT.fields(badCredentials)).containsExactly("credentials.botToken");
        assertThat(tenant.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
    }

    @Test
    void pagingAndPathParametersAreValidated() {
        TestTenant tenant = newTenant("page");

        assertThat(TenantApiIT.fields(tenant.api().get("/api/v1/integrations?size=500"))).containsExactly("size");
        assertThat(TenantApiIT.fields(tenant.api().get("/api/v1/integrations?page=-1"))).containsExactly("page");
        assertThat(TenantApiIT.fields(tenant.api().get("/api/v1/integrations/not-a-uuid"))).containsExactly("id");
        assertThat(tenant.api().get("/api/v1/integrations/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private long tenants() {
        return jdbc.sql("SELECT count(*) FROM public.tenant").query(Long.class).single();
    }
}
