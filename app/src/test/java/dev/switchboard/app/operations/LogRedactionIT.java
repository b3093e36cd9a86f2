package dev.switchboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.LogCapture;
import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.sandbox.telegram.Fault;
import dev.switchboard.sandbox.telegram.TgUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets fed through every path — connect, webhooks (good, forged, malformed), sends that work
 * and fail, a revoked token, the model key, API keys, the admin token — and not one log line
 * carries any of them.
 */
class LogRedactionIT extends TelegramIT {

    @Test
    void noSecretReachesTheLogOnAnyPath() throws Exception {
        List<String> secrets = new ArrayList<>();
        try (LogCapture logs = LogCapture.open()) {
            Connected connected = connectEchoBot("redact", "webhook");
            String token = connected.bot().token();
            String webhookSecret = telegram.webhookInfo(token).secret();
            secrets.addAll(List.of(token.substring(token.indexOf(':') + 1), webhookSecret, connected.tenant().apiKey(),
                    ADMIN_TOKEN));

            TgUser guest = telegram.user(5_700_000_001L, "Red", "red", "en");
            startChat(connected, guest);
            String url = connected.view().path("webhookUrl").asString();
            String path = url.substring(url.indexOf("/webhooks/"));
            anonymous().postRaw(path, "application/json", "{\"update_id\": 1, \"message\": {".getBytes(StandardCharsets.UTF_8),
                    Map.of("X-Telegram-Bot-Api-Secret-Token", webhookSecret));
            anonymous().postRaw(path, "application/json", "{\"update_id\": 2}".getBytes(StandardCharsets.UTF_8),
                    Map.of("X-Telegram-Bot-Api-Secret-Token", webhookSecret + "x"));

            telegram.armFault(token, "sendMessage", Fault.serverError(502), 1);
            Api.Response retried = send(connected, guest.id(), "after a 502");
            eventually(() -> assertThat(message(connected, retried).path("status").asString()).isEqualTo("sent"));

            telegram.revokeToken(token);
            Api.Response refused = send(connected, guest.id(), "with a revoked token");
            eventually(() -> assertThat(message(connected, refused).path("status").asString()).isEqualTo("failed"));
            connected.tenant().api().post("/api/v1/integrations/" + connected.integrationId() + "/test", null);
            connected.tenant().api().put("/api/v1/integrations/" + connected.integrationId() + "/credentials",
                    Map.of("credentials", Map.of("botToken", token)));
            telegram.restoreToken(token);

            String modelKey = "sk-model-" + "k".repeat(30);
            secrets.add(modelKey);
            connected.tenant().api().put("/api/v1/agent", Map.of("kind", "echo", "llm", Map.of(
                    "baseUrl", "http://127.0.0.1:9/v1", "model", "m", "apiKey", modelKey)));
            String newKey = connected.tenant().api().post("/api/v1/api-keys", Map.of("name", "x")).text("key");
            secrets.add(newKey);
            asKey(newKey + "tampered").get("/api/v1/integrations");
            anonymous().withHeader("Authorization", "Bearer " + ADMIN_TOKEN + "0").get("/api/v1/tenants");

            String wrongToken = "123456789:AAH" + "w".repeat(32);
            secrets.add(wrongToken.substring(wrongToken.indexOf(':') + 1));
            connected.tenant().api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "bad",
                    "credentials", Map.of("botToken", wrongToken)));

            // the paths did log: a secret could have slipped into these lines
            assertThat(logs.linesContaining("integration connected")).isNotEmpty();
            assertThat(logs.linesContaining("send retry")).isNotEmpty();
            assertThat(logs.linesContaining("send failed")).isNotEmpty();
            assertThat(logs.linesContaining("error_code=401")).isNotEmpty();
            for (String secret : secrets) {
                assertThat(logs.linesContaining(secret)).as("log lines carrying a secret").isEmpty();
            }
            assertThat(logs.linesContaining("/bot")).as("Bot API URLs in the log").isEmpty();
        }
    }
}
