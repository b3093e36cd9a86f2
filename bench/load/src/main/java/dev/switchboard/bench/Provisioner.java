package dev.switchboard.bench;

import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Creates tenants and connects emulator bots to them through the public API, the way a tenant
 * would: every integration is verified with getMe and registers its webhook with the emulator.
 */
final class Provisioner {

    /** A connected bot: where Switchboard's webhook for it is, and the secret the emulator sends. */
    record ConnectedBot(String tenantSlug, Bot bot, String webhookPath, String secret) {
    }

    private final Api admin;
    private final String baseUrl;
    private final TelegramEmulator telegram;

    Provisioner(String baseUrl, String adminToken, TelegramEmulator telegram) {
        this.admin = new Api(baseUrl, adminToken);
        this.baseUrl = baseUrl;
        this.telegram = telegram;
    }

    /** {@code tenants} new tenants named {@code <prefix><n>}, {@code bots} bots spread over them, agent {@code kind}. */
    List<ConnectedBot> connect(String prefix, int tenants, int bots, String agentKind) throws Exception {
        List<Api> tenantApis = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            String slug = prefix + t;
            JsonNode created = admin.post("/api/v1/tenants", Map.of("slug", slug, "name", "Benchmark " + slug,
                    "ownerEmail", slug + "@bench.test", "ownerPassword", "benchmark password " + slug));
            Api tenant = new Api(baseUrl, created.path("apiKey").asString());
            tenant.put("/api/v1/agent", Map.of("kind", agentKind));
            tenantApis.add(tenant);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ConnectedBot>> connected = new ArrayList<>();
            for (int b = 0; b < bots; b++) {
                int n = b;
                connected.add(pool.submit(() -> connectOne(prefix, n % tenants, tenantApis.get(n % tenants), n)));
            }
            List<ConnectedBot> result = new ArrayList<>();
            for (Future<ConnectedBot> bot : connected) {
                result.add(bot.get());
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }

    private ConnectedBot connectOne(String prefix, int tenant, Api api, int n) {
        Bot bot = telegram.createBot(prefix + "bot" + n);
        JsonNode integration = api.post("/api/v1/integrations", Map.of("type", "telegram", "name", "Bot " + n,
                "credentials", Map.of("botToken", bot.token()), "settings", Map.of("mode", "webhook")));
        String url = integration.path("webhookUrl").asString();
        return new ConnectedBot(prefix + tenant, bot, url.substring(url.indexOf("/webhooks/")),
                telegram.webhookInfo(bot.token()).secret());
    }
}
