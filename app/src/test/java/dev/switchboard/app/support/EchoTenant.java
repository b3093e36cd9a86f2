package dev.switchboard.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.telegram.Bot;
import java.util.Map;

/** A tenant with an echo agent and a webhook-mode Telegram bot, set up through a server's API. */
public record EchoTenant(String slug, String apiKey, String integrationId, String webhookUrl) {

    public static EchoTenant create(String baseUrl, String adminToken, String slug, Bot bot) {
        Api admin = new Api(baseUrl, Map.of("Authorization", "Bearer " + adminToken));
        Api.Response tenant = admin.post("/api/v1/tenants", Map.of("slug", slug, "name", slug,
                "ownerEmail", slug + "@example.test", "ownerPassword", "long enough password"));
        assertThat(tenant.status()).as(tenant.body()).isEqualTo(201);
        Api api = new Api(baseUrl, Map.of("Authorization", "Bearer " + tenant.text("apiKey")));
        assertThat(api.put("/api/v1/agent", Map.of("kind", "echo")).status()).isEqualTo(200);
        Api.Response integration = api.post("/api/v1/integrations", Map.of("type", "telegram", "name", "bot",
                "credentials", Map.of("botToken", bot.token()), "settings", Map.of("mode", "webhook")));
        assertThat(integration.status()).as(integration.body()).isEqualTo(201);
        return new EchoTenant(slug, tenant.text("apiKey"), integration.text("id"), integration.text("webhookUrl"));
    }

    public Api api(String baseUrl) {
        return new Api(baseUrl, Map.of("Authorization", "Bearer " + apiKey));
    }

    public String schema() {
        return "t_" + slug;
    }

    public String webhookPath() {
        return webhookUrl.substring(webhookUrl.indexOf("/webhooks/"));
    }
}
