package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import tools.jackson.databind.node.ObjectNode;

/** A REST error as api.twilio.com writes it: {@code {"code", "message", "more_info", "status"}}. */
final class TwilioException extends RuntimeException {

    private final int status;
    private final int code;
    private final String detail;

    TwilioException(int status, int code, String message) {
        this(status, code, message, null);
    }

    TwilioException(int status, int code, String message, String detail) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    static TwilioException badRequest(int code, String message) {
        return new TwilioException(400, code, message);
    }

    static TwilioException notFound(String path) {
        return new TwilioException(404, 20404, "The requested resource " + path + " was not found");
    }

    static TwilioException unauthenticated() {
        return new TwilioException(401, 20003, "Authenticate", "Your AccountSid or AuthToken was incorrect.");
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    SandboxResponse response() {
        ObjectNode body = Json.object().put("code", code);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("message", getMessage()).put("more_info", "https://www.twilio.com/docs/errors/" + code)
                .put("status", status);
        SandboxResponse response = SandboxResponse.bytes(status, "application/json; charset=utf-8", Json.bytes(body));
        return status == 401 ? response.withHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"") : response;
    }
}
