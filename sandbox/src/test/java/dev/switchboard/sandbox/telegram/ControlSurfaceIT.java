package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.http.Json;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The HTTP control surface under /_sandbox/telegram drives the same emulator as the Java API. */
class ControlSurfaceIT extends TelegramITBase {

    private JsonNode control(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/_sandbox/telegram" + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return api.send(request).body();
    }

    @Test
    void seedInjectReadAndFaultOverHttp() {
        JsonNode created = control("POST", "/bots", "{\"username\":\"desk_bot\"}");
        String deskToken = created.path("token").asString();
        assertThat(deskToken).matches("\\d{10}:AA[A-Za-z0-9_-]{33}");
        assertThat(api.call(deskToken, "getMe").result().path("username").asString()).isEqualTo("desk_bot");

        control("POST", "/users", "{\"id\":6000000002,\"first_name\":\"Bob\",\"language_code\":\"de\"}");
        long updateId = control("POST", "/bots/" + deskToken + "/text",
                "{\"from\":{\"id\":6000000002},\"text\":\"/start\"}").path("update_id").asLong();
        JsonNode update = api.call(deskToken, "getUpdates").result().get(0);
        assertThat(update.path("update_id").asLong()).isEqualTo(updateId);
        assertThat(update.path("message").path("from").path("first_name").asString()).isEqualTo("Bob");

        api.form(deskToken, "sendMessage", Map.of("chat_id", "6000000002", "text", "Hallo Bob"));
        JsonNode sent = control("GET", "/bots/" + deskToken + "/sent?chat_id=6000000002", null);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("text").asString()).isEqualTo("Hallo Bob");
        assertThat(sent.get(0).path("message_id").asLong()).isEqualTo(2);

        control("POST", "/bots/" + deskToken + "/faults",
                "{\"fault\":\"too_many_requests\",\"retry_after\":4,\"method\":\"sendMessage\"}");
        assertThat(api.form(deskToken, "sendMessage", Map.of("chat_id", "6000000002", "text", "again"))
                .body().path("parameters").path("retry_after").asInt()).isEqualTo(4);
        JsonNode calls = control("GET", "/bots/" + deskToken + "/calls", null);
        assertThat(calls).extracting(call -> call.path("method").asString())
                .containsExactly("getMe", "getUpdates", "sendMessage", "sendMessage");
        assertThat(calls.get(3).path("status").asInt()).isEqualTo(429);
    }

    @Test
    void callbacksAndWebhookInfoOverHttp() {
        annStarts();
        long messageId = sendText(ANN_ID, "Approve?").result().path("message_id").asLong();

        JsonNode tap = control("POST", "/bots/" + token + "/callback",
                "{\"from\":{\"id\":" + ANN_ID + "},\"message_id\":" + messageId + ",\"data\":\"bk:ok\"}");

        String queryId = tap.path("callback_query_id").asString();
        assertThat(api.form(token, "answerCallbackQuery", Map.of("callback_query_id", queryId)).status()).isEqualTo(200);
        JsonNode info = control("GET", "/bots/" + token + "/webhook", null);
        assertThat(info.path("url").asString()).isEmpty();
        assertThat(info.path("pending_update_count").asInt()).isEqualTo(2);
    }

    @Test
    void resetForgetsEverything() {
        control("POST", "/reset", null);

        assertThat(api.call(token, "getMe").status()).isEqualTo(401);
        assertThat(control("POST", "/bots/" + token + "/text", "{\"from\":{\"id\":1},\"text\":\"hi\"}")
                .path("error").asString()).contains("no bot with token");
        assertThat(control("GET", "/nothing/here", null).path("error").asString()).isEqualTo("no such control route");
        assertThat(Json.write(control("POST", "/bots", "{}"))).contains("missing field username");
    }
}
