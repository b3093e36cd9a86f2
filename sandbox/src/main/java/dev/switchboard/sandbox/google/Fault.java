package dev.switchboard.sandbox.google;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure to inject into the next matching calls. Error faults answer with Google's error
 * body for the surface they hit (Calendar: {@code {"error": {"code", "message", "errors", "status"}}};
 * OAuth endpoints: {@code {"error", "error_description"}}, or an HTML page for 5xx);
 * {@link #delay} holds the call and then answers normally; {@link #dropConnection} closes the
 * socket without an answer.
 */
public final class Fault {

    enum Kind { ERROR, DELAY, DROP_CONNECTION }

    private final Kind kind;
    private final int status;
    private final String domain;
    private final String reason;
    private final String message;
    private final Duration delay;

    private Fault(Kind kind, int status, String domain, String reason, String message, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.domain = domain;
        this.reason = reason;
        this.message = message;
        this.delay = delay;
    }

    /** 403 usageLimits/rateLimitExceeded: the project's per-minute quota. */
    public static Fault rateLimitExceeded() {
        return error(403, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded");
    }

    /** 403 usageLimits/userRateLimitExceeded: the per-user quota. */
    public static Fault userRateLimitExceeded() {
        return error(403, "usageLimits", "userRateLimitExceeded", "User Rate Limit Exceeded");
    }

    /** 403 usageLimits/quotaExceeded: Calendar usage limits (e.g. too many event creations). */
    public static Fault quotaExceeded() {
        return error(403, "usageLimits", "quotaExceeded", "Calendar usage limits exceeded.");
    }

    /** 429 usageLimits/rateLimitExceeded. */
    public static Fault tooManyRequests() {
        return error(429, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded");
    }

    /** 500 global/backendError. */
    public static Fault backendError() {
        return error(500, "global", "backendError", "Backend Error");
    }

    /** 503 global/backendError, also what {@code tokenEndpointOutage} uses. */
    public static Fault serviceUnavailable() {
        return error(503, "global", "backendError", "Service Unavailable");
    }

    /** 401 global/authError, as if the token had been revoked a moment ago. */
    public static Fault unauthorized() {
        return error(401, "global", "authError", "Invalid Credentials");
    }

    /** 410 calendar/fullSyncRequired, as for an expired sync token. */
    public static Fault gone() {
        return error(410, "calendar", "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
    }

    /** Any other error. */
    public static Fault error(int status, String domain, String reason, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("faults are 4xx or 5xx, not " + status);
        }
        return new Fault(Kind.ERROR, status, Objects.requireNonNull(domain), Objects.requireNonNull(reason),
                Objects.requireNonNull(message), null);
    }

    /** A slow answer: the call is held for {@code duration}, then answered normally. */
    public static Fault delay(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        return new Fault(Kind.DELAY, 0, null, null, null, duration);
    }

    /** The connection closes without a response. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, null, null, null, null);
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    String message() {
        return message;
    }

    Duration delayDuration() {
        return delay;
    }

    /** 401 faults carry the WWW-Authenticate header a real invalid token gets. */
    ApiError toApiError() {
        return status == 401 ? ApiError.invalidCredentials() : new ApiError(status, domain, reason, message);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ERROR -> "Fault[" + status + " " + reason + "]";
            case DELAY -> "Fault[delay " + delay + "]";
            case DROP_CONNECTION -> "Fault[drop connection]";
        };
    }
}
