package dev.switchboard.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a handler answers. {@link #dropConnection()} is a sentinel: the server closes the
 * socket without writing a response, as a crashing upstream would.
 */
public record SandboxResponse(int status, String contentType, byte[] body, Map<String, String> headers,
        boolean closeWithoutResponse) {

    public SandboxResponse {
        headers = Map.copyOf(headers);
    }

    public static SandboxResponse json(int status, JsonNode body) {
        return bytes(status, "application/json", Json.bytes(body));
    }

    public static SandboxResponse text(int status, String contentType, String body) {
        return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static SandboxResponse bytes(int status, String contentType, byte[] body) {
        return new SandboxResponse(status, contentType, body, Map.of(), false);
    }

    public static SandboxResponse dropConnection() {
        return new SandboxResponse(0, null, new byte[0], Map.of(), true);
    }

    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new SandboxResponse(status, contentType, body, merged, closeWithoutResponse);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
