package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;

/** A plain java.net.http client speaking to the Google emulator the way Google's clients do. */
final class GoogleHttp {

    /** One answer: status, headers of interest and the body (JSON when it parses). */
    record Reply(int status, String body, HttpResponse<String> raw) {

        JsonNode json() {
            return Json.parse(body);
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        String errorReason() {
            return json().path("error").path("errors").path(0).path("reason").asString();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final GoogleEmulator google;

    GoogleHttp(GoogleEmulator google) {
        this.google = google;
    }

    Reply authorize(Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(google.authUrl() + "?" + form(params))).GET());
    }

    Reply token(Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(google.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    Reply tokenWithBasic(String clientId, String secret, Map<String, String> form) {
        String basic = java.util.Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(google.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    Reply revoke(String token) {
        return send(HttpRequest.newBuilder(URI.create(google.revokeUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", token)))));
    }

    Reply get(String token, String pathAndQuery) {
        return send(calendar(token, pathAndQuery).GET());
    }

    Reply post(String token, String pathAndQuery, String json) {
        return send(calendar(token, pathAndQuery).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String token, String pathAndQuery, String json) {
        return send(calendar(token, pathAndQuery).header("Content-Type", "application/json; charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String token, String pathAndQuery, String json) {
        return send(calendar(token, pathAndQuery).header("Content-Type", "application/json; charset=UTF-8")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** What google-api-client does on HttpURLConnection: POST + X-HTTP-Method-Override, gzip body. */
    Reply patchLikeGoogleClient(String token, String pathAndQuery, String json) {
        return send(calendar(token, pathAndQuery).header("Content-Type", "application/json; charset=UTF-8")
                .header("X-HTTP-Method-Override", "PATCH").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json))));
    }

    Reply delete(String token, String pathAndQuery) {
        return send(calendar(token, pathAndQuery).DELETE());
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

    private HttpRequest.Builder calendar(String token, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(google.calendarBaseUrl() + pathAndQuery));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The query parameters of a redirect Location. */
    static Map<String, String> queryOf(String location) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            params.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
