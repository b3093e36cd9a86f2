package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import tools.jackson.databind.node.ObjectNode;

/** The Bot API response envelope; the HTTP status always equals error_code. */
final class Envelopes {

    private Envelopes() {
    }

    static SandboxResponse ok(ApiResult result) {
        ObjectNode body = Json.object();
        body.put("ok", true);
        body.set("result", result.result());
        if (result.description() != null) {
            body.put("description", result.description());
        }
        return withServerHeaders(SandboxResponse.json(200, body));
    }

    static SandboxResponse error(ApiException error) {
        ObjectNode body = Json.object();
        body.put("ok", false);
        body.put("error_code", error.status());
        body.put("description", error.description());
        if (error.retryAfter() != null) {
            body.putObject("parameters").put("retry_after", error.retryAfter());
        }
        return withServerHeaders(SandboxResponse.json(error.status(), body));
    }

    /** The headers api.telegram.org answers with (nginx in front, CORS open). */
    static SandboxResponse withServerHeaders(SandboxResponse response) {
        return response.withHeader("Server", "nginx/1.18.0")
                .withHeader("Access-Control-Allow-Origin", "*")
                .withHeader("Access-Control-Expose-Headers", "Content-Length,Content-Type,Date,Server,Connection");
    }
}
