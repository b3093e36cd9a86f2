package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;

/** A token or revoke endpoint error: {@code {"error", "error_description"}} with its HTTP status. */
final class OAuthError extends RuntimeException {

    private final int status;
    private final String error;

    OAuthError(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    SandboxResponse toResponse() {
        return OAuthResponses.json(status, Json.object().put("error", error).put("error_description", getMessage()));
    }
}
