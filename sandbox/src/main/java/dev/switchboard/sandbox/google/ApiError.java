package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Calendar API error, answered as Google does:
 * {@code {"error": {"code", "message", "errors": [{"message", "domain", "reason", "location"?, "locationType"?}], "status"}}}.
 */
final class ApiError extends RuntimeException {

    static final String JSON_UTF8 = "application/json; charset=UTF-8";
    private static final String BEARER_REALM = "Bearer realm=\"https://accounts.google.com/\"";

    private final int status;
    private final String domain;
    private final String reason;
    private final String topMessage;
    private final String location;
    private final String locationType;
    private final Map<String, String> headers = new LinkedHashMap<>();

    ApiError(int status, String domain, String reason, String message) {
        this(status, domain, reason, message, message, null, null);
    }

    private ApiError(int status, String domain, String reason, String itemMessage, String topMessage, String location,
            String locationType) {
        super(itemMessage);
        this.status = status;
        this.domain = domain;
        this.reason = reason;
        this.topMessage = topMessage;
        this.location = location;
        this.locationType = locationType;
    }

    // ---- the errors the emulator produces

    static ApiError notFound() {
        return new ApiError(404, "global", "notFound", "Not Found");
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "global", "badRequest", message);
    }

    static ApiError invalid(String message, String parameter) {
        return new ApiError(400, "global", "invalid", message, message, parameter,
                parameter == null ? null : "parameter");
    }

    static ApiError required(String message) {
        return new ApiError(400, "global", "required", message);
    }

    static ApiError parseError() {
        return new ApiError(400, "global", "parseError", "Parse Error");
    }

    static ApiError timeRangeEmpty(String parameter) {
        return new ApiError(400, "calendar", "timeRangeEmpty", "The specified time range is empty.",
                "The specified time range is empty.", parameter, parameter == null ? null : "parameter");
    }

    static ApiError duplicate() {
        return new ApiError(409, "global", "duplicate", "The requested identifier already exists.");
    }

    static ApiError deleted() {
        return new ApiError(410, "global", "deleted", "Resource has been deleted");
    }

    static ApiError fullSyncRequired() {
        return new ApiError(410, "calendar", "fullSyncRequired",
                "Sync token is no longer valid, a full sync is required.");
    }

    static ApiError preconditionFailed() {
        return new ApiError(412, "global", "conditionNotMet", "Precondition Failed", "Precondition Failed",
                "If-Match", "header");
    }

    /** No credentials at all: Google's "Login Required". */
    static ApiError loginRequired() {
        ApiError error = new ApiError(401, "global", "required", "Login Required.",
                "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie "
                        + "or other valid authentication credential. See "
                        + "https://developers.google.com/identity/sign-in/web/devconsole-project.",
                "Authorization", "header");
        return error.withHeader("WWW-Authenticate", BEARER_REALM);
    }

    /** An unknown, expired or revoked access token. */
    static ApiError invalidCredentials() {
        ApiError error = new ApiError(401, "global", "authError", "Invalid Credentials",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or "
                        + "other valid authentication credential. See "
                        + "https://developers.google.com/identity/sign-in/web/devconsole-project.",
                "Authorization", "header");
        return error.withHeader("WWW-Authenticate", BEARER_REALM + ", error=\"invalid_token\"");
    }

    static ApiError insufficientScopes(String requiredScope) {
        ApiError error = new ApiError(403, "global", "insufficientPermissions", "Insufficient Permission",
                "Request had insufficient authentication scopes.", null, null);
        return error.withHeader("WWW-Authenticate",
                BEARER_REALM + ", error=\"insufficient_scope\", scope=\"" + requiredScope + "\"");
    }

    ApiError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ObjectNode body() {
        ObjectNode item = Json.object().put("message", getMessage()).put("domain", domain).put("reason", reason);
        if (location != null) {
            item.put("location", location).put("locationType", locationType);
        }
        ObjectNode error = Json.object().put("code", status).put("message", topMessage);
        error.set("errors", Json.array().add(item));
        String canonical = canonicalStatus(status);
        if (canonical != null) {
            error.put("status", canonical);
        }
        return Json.object().set("error", error);
    }

    SandboxResponse toResponse() {
        SandboxResponse response = SandboxResponse.bytes(status, JSON_UTF8, Json.bytes(body()));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /** The google.rpc code Google adds as {@code status}; none is known for 410. */
    static String canonicalStatus(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ALREADY_EXISTS";
            case 412 -> "FAILED_PRECONDITION";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 500 -> "INTERNAL";
            case 501 -> "UNIMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> null;
        };
    }
}
