package dev.switchboard.sandbox.openai;

import dev.switchboard.sandbox.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A java.net.http client speaking to the emulator like an OpenAI SDK does. */
final class OpenAiHttp {

    record Reply(int status, String body, HttpResponse<String> raw) {

        JsonNode json() {
            return Json.parse(body);
        }

        String content() {
            return json().path("choices").path(0).path("message").path("content").asString();
        }

        JsonNode error() {
            return json().path("error");
        }

        /** The JSON payloads of a server-sent-event stream, up to (not including) [DONE]. */
        List<JsonNode> events() {
            List<JsonNode> events = new ArrayList<>();
            for (String block : body.split("\n\n")) {
                if (block.startsWith("data: ") && !block.equals("data: [DONE]")) {
                    events.add(Json.parse(block.substring(6)));
                }
            }
            return events;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private volatile String apiKey;

    OpenAiHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void apiKey(String key) {
        this.apiKey = key;
    }

    Reply chat(String json) {
        return send(request("/chat/completions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
    }

    /** {@code {"model": model, "messages": [{role, content}...]}} from role/content pairs. */
    static String body(String model, String... roleContent) {
        StringBuilder json = new StringBuilder("{\"model\": \"" + model + "\", \"messages\": [");
        for (int i = 0; i < roleContent.length; i += 2) {
            json.append(i == 0 ? "" : ", ").append("{\"role\": \"").append(roleContent[i]).append("\", \"content\": ")
                    .append(Json.write(Json.MAPPER.valueToTree(roleContent[i + 1]))).append('}');
        }
        return json.append("]}").toString();
    }
}
