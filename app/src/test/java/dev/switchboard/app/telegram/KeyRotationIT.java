package dev.switchboard.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Online key rotation: every stored secret re-sealed under a new key while reads go on, then the old key retired. */
class KeyRotationIT extends TelegramIT {

    @Test
    void rotationUnderConcurrentReadsReSealsEverythingAndTheOldKeyCanBeRetired() throws Exception {
        List<Connected> tenants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Connected connected = connectEchoBot("rotate" + i, "webhook");
            connected.tenant().api().put("/api/v1/agent", Map.of("kind", "echo", "llm", Map.of(
                    "baseUrl", "http://127.0.0.1:9/v1", "model", "m", "apiKey", "sk-model-key-" + i + "-abcdefgh")));
            tenants.add(connected);
        }
        JsonNode before = admin().get("/api/v1/admin/keys").json();
        int oldPrimary = primary(before);

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        for (Connected connected : tenants) {
            readers.submit(() -> {
                while (reading.get()) {
                    Api.Response test = connected.tenant().api().post("/api/v1/integrations/" + connected.integrationId()
                            + "/test", null);
                    Api.Response agent = connected.tenant().api().get("/api/v1/agent");
                    if (!test.json().path("ok").asBoolean() || agent.status() != 200) {
                        failures.add(test + " / " + agent);
                    }
                    reads.incrementAndGet();
                }
            });
        }
        Thread.sleep(300);
        Api.Response rotated = admin().post("/api/v1/admin/keys/rotate", null);
        Thread.sleep(300);
        reading.set(false);
        readers.shutdown();
        assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        int newPrimary = rotated.json().path("primaryKeyId").asInt();
        assertThat(newPrimary).isNotEqualTo(oldPrimary);
        assertThat(rotated.json().path("resealed").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(failures).as("reads that failed during rotation").isEmpty();
        assertThat(reads.get()).isGreaterThan(8);

        JsonNode after = admin().get("/api/v1/admin/keys").json();
        assertThat(sealedBy(after, oldPrimary)).isZero();
        assertThat(sealedBy(after, newPrimary)).isGreaterThanOrEqualTo(9);
        assertThat(admin().post("/api/v1/admin/keys/" + newPrimary + "/retire", null).status()).isEqualTo(409);
        assertThat(admin().post("/api/v1/admin/keys/" + oldPrimary + "/retire", null).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/admin/keys").json().path("keys").findValuesAsString("id")).doesNotContain(
                Integer.toString(oldPrimary));

        for (Connected connected : tenants) {
            assertThat(connected.tenant().api().post("/api/v1/integrations/" + connected.integrationId() + "/test", null)
                    .json().path("ok").asBoolean()).isTrue();
            assertThat(connected.tenant().api().get("/api/v1/agent").json().path("llm").path("apiKeyHint").asString())
                    .endsWith("efgh");
        }
        assertThat(tenants.get(0).tenant().api().post("/api/v1/admin/keys/rotate", null).status()).isEqualTo(403);
    }

    private static int primary(JsonNode keys) {
        for (JsonNode key : keys.path("keys")) {
            if (key.path("primary").asBoolean()) {
                return key.path("id").asInt();
            }
        }
        throw new AssertionError("no primary key in " + keys);
    }

    private static long sealedBy(JsonNode keys, int id) {
        for (JsonNode key : keys.path("keys")) {
            if (key.path("id").asInt() == id) {
                return key.path("sealedValues").asLong();
            }
        }
        return 0;
    }
}
