package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** A thin JDK HttpClient that calls Green API the way a real client does: credentials in the URL, JSON bodies. */
final class GreenClient {

    /** One answer: status, raw text, content type and the JSON (null when the body is not JSON). */
    record Reply(int status, String text, String contentType, JsonNode json) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiUrl;
    private final String mediaUrl;

    GreenClient(String apiUrl, String mediaUrl) {
        this.apiUrl = apiUrl;
        this.mediaUrl = mediaUrl;
    }

    String url(Instance instance, String method) {
        return apiUrl + "/waInstance" + instance.idInstance() + "/" + method + "/" + instance.apiTokenInstance();
    }

    String mediaUrl(Instance instance, String method) {
        return mediaUrl + "/waInstance" + instance.idInstance() + "/" + method + "/" + instance.apiTokenInstance();
    }

    Reply get(Instance instance, String method) {
        return send(HttpRequest.newBuilder(URI.create(url(instance, method))).GET());
    }

    Reply post(Instance instance, String method, String json) {
        return postTo(url(instance, method), json);
    }

    Reply postTo(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    Reply getUrl(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") ? Json.parse(response.body()) : null;
            return new Reply(response.statusCode(), response.body(), contentType, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpClient http() {
        return http;
    }
}
