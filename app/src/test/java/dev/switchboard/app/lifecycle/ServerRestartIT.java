package dev.switchboard.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.Processes;
import dev.switchboard.app.support.ServerProcess;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.WebhookInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as a user runs it: {@code java -jar} in a directory, data under
 * {@code ./data}. Tenants, keys, the keyset and the admin token survive a clean stop and a
 * {@code kill -9}; the killed server's orphaned PostgreSQL is dealt with; a second server on the
 * same directory refuses to start.
 */
class ServerRestartIT {

    @TempDir
    Path workDir;

    @Test
    void dataSurvivesCleanStopsAndKillsAndTheDirectoryHasOneOwner() throws Exception {
        TelegramEmulator telegram = Sandboxes.telegram();
        Bot bot = telegram.createBot("restart_bot");
        Map<String, String> env = Map.of("SWITCHBOARD_TELEGRAM_API_URL", telegram.baseUrl());
        Path data = workDir.resolve("data");
        String apiKey;
        String integrationId;

        try (ServerProcess first = ServerProcess.start(workDir, env)) {
            progress("first started");

            assertThat(Files.readString(data.resolve("admin-token")).trim()).startsWith("adm_");
            assertThat(first.output()).contains("admin token: generated and written to")
                    .doesNotContain(Files.readString(data.resolve("admin-token")).trim());
            Api admin = admin(first, data);
            Api.Response tenant = admin.post("/api/v1/tenants", Map.of("slug", "persisted", "name", "Persisted",
                    "ownerEmail", "owner@persisted.test", "ownerPassword", "long enough password"));
            assertThat(tenant.status()).isEqualTo(201);
            apiKey = tenant.text("apiKey");
            Api.Response integration = tenantApi(first, apiKey).post("/api/v1/integrations", Map.of("type", "telegram",
                    "name", "bot", "credentials", Map.of("botToken", bot.token()), "settings", Map.of("mode", "polling")));
            assertThat(integration.status()).as(() -> integration.body() + "\n" + first.output()).isEqualTo(201);
            integrationId = integration.text("id");

            try (ServerProcess second = ServerProcess.launch(workDir, env)) {
            progress("second launched");

                assertThat(second.awaitExit(Duration.ofSeconds(90))).isNotZero();
                assertThat(second.output()).contains("is in use by another running Switchboard server");
            }
            assertThat(first.alive()).isTrue();
            assertThat(tenantApi(first, apiKey).get("/api/v1/integrations/" + integrationId).status()).isEqualTo(200);

            first.stop();
            progress("first stopped");
            assertThat(Processes.postgresOn(data.resolve("pg"))).as("clean stop stops the embedded database").isEmpty();
        }

        List<Long> orphans;
        try (ServerProcess second = ServerProcess.start(workDir, env)) {
            progress("second started");

            assertSurvived(second, data, apiKey, integrationId);
            assertThat(Processes.postgresOn(data.resolve("pg"))).isNotEmpty();
            second.kill9();
            progress("second killed");
            orphans = Processes.postgresOn(data.resolve("pg"));
            assertThat(orphans).as("kill -9 leaves the embedded database running").isNotEmpty();
        }

        try (ServerProcess third = ServerProcess.start(workDir, env)) {
            progress("third started");

            assertThat(third.output()).contains("still running on").contains("stopping it");
            assertThat(Processes.postgresOn(data.resolve("pg"))).doesNotContainAnyElementsOf(orphans);
            assertSurvived(third, data, apiKey, integrationId);
            third.stop();
            progress("third stopped");
        }
        assertThat(Processes.postgresOn(data.resolve("pg"))).isEmpty();
    }

    private static void progress(String step) {
        System.out.println(java.time.Instant.now() + " restart test: " + step);
    }

    private static void assertSurvived(ServerProcess server, Path data, String apiKey, String integrationId) {
        assertThat(admin(server, data).get("/api/v1/tenants/persisted").status()).isEqualTo(200);
        Api tenant = tenantApi(server, apiKey);
        assertThat(tenant.get("/api/v1/integrations/" + integrationId).text("status")).isEqualTo("active");
        // the credentials open: the keyset survived with the data
        assertThat(tenant.post("/api/v1/integrations/" + integrationId + "/test", null).json().path("ok").asBoolean()).isTrue();
    }

    private static Api admin(ServerProcess server, Path data) {
        try {
            return new Api(server.baseUrl(), Map.of("Authorization", "Bearer " + Files.readString(data.resolve("admin-token")).trim()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Api tenantApi(ServerProcess server, String apiKey) {
        return new Api(server.baseUrl(), Map.of("Authorization", "Bearer " + apiKey));
    }
}
