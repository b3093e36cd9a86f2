package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** A plain JDK HttpClient calling the 2010-04-01 REST API the way twilio-java does: Basic auth, forms, JSON back. */
final class TwilioClient {

    record Reply(int status, JsonNode json, java.net.http.HttpHeaders headers) {

        int code() {
            return json.path("code").asInt(0);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    TwilioClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Reply createMessage(Account account, List<Map.Entry<String, String>> form) {
        return post(account, "/2010-04-01/Accounts/" + account.sid() + "/Messages.json", form);
    }

    Reply post(Account auth, String path, List<Map.Entry<String, String>> form) {
        String body = form.stream().map(entry -> enc(entry.getKey()) + "=" + enc(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic(auth.sid(), auth.authToken()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply get(Account auth, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET();
        if (auth != null) {
            request.header("Authorization", basic(auth.sid(), auth.authToken()));
        }
        return send(request);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), Json.parse(response.body()), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    String baseUrl() {
        return baseUrl;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<Map.Entry<String, String>> form(String... namesAndValues) {
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return form;
    }
}
