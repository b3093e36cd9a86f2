package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** A plain JDK HttpClient talking to the emulator like a real Bot API client would. */
final class BotApiClient {

    /** One HTTP answer: the status and the parsed envelope. */
    record Reply(int status, JsonNode body, HttpHeaders headers) {

        boolean ok() {
            return body.path("ok").asBoolean(false);
        }

        JsonNode result() {
            return body.path("result");
        }

        String description() {
            return body.path("description").asString(null);
        }

        int errorCode() {
            return body.path("error_code").asInt(0);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    BotApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply get(String token, String method, Map<String, String> query) {
        String queryString = query.isEmpty() ? "" : "?" + encode(query);
        return send(HttpRequest.newBuilder(uri("/bot" + token + "/" + method + queryString)).GET());
    }

    Reply call(String token, String method) {
        return get(token, method, Map.of());
    }

    Reply form(String token, String method, Map<String, String> params) {
        return send(HttpRequest.newBuilder(uri("/bot" + token + "/" + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(params))));
    }

    Reply json(String token, String method, String json) {
        return send(HttpRequest.newBuilder(uri("/bot" + token + "/" + method))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply multipart(String token, String method, Multipart multipart) {
        return send(HttpRequest.newBuilder(uri("/bot" + token + "/" + method))
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())));
    }

    Reply path(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<byte[]> download(String path) {
        return exchange(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Reply send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), Json.parse(response.body()), response.headers());
    }

    <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
