package dev.switchboard.sandbox.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure to inject into the next matching Bot API calls, as api.telegram.org produces it.
 * Error faults answer with the usual {@code {"ok":false,...}} envelope and the HTTP status equal
 * to {@code error_code}; {@link #hang} delays the call and then answers normally;
 * {@link #dropConnection} closes the socket without answering.
 */
public final class Fault {

    enum Kind { ERROR, HANG, DROP_CONNECTION }

    private final Kind kind;
    private final int status;
    private final String description;
    private final Integer retryAfter;
    private final Duration hang;

    private Fault(Kind kind, int status, String description, Integer retryAfter, Duration hang) {
        this.kind = kind;
        this.status = status;
        this.description = description;
        this.retryAfter = retryAfter;
        this.hang = hang;
    }

    /** 401 Unauthorized: what a revoked token gets. */
    public static Fault unauthorized() {
        return error(401, "Unauthorized");
    }

    /** 403: the user blocked the bot. */
    public static Fault blocked() {
        return error(403, "Forbidden: bot was blocked by the user");
    }

    /** 429 flood control with {@code parameters.retry_after}. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retry_after must be at least 1 second");
        }
        return new Fault(Kind.ERROR, 429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds,
                null);
    }

    /** A 5xx, e.g. 500 "Internal Server Error" or 502 "Bad Gateway". */
    public static Fault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("server errors are 5xx, not " + status);
        }
        return error(status, ServerErrors.reason(status));
    }

    /** 400 with the given description ("Bad Request: " is prefixed when missing). */
    public static Fault badRequest(String description) {
        String text = description.startsWith("Bad Request") ? description : "Bad Request: " + description;
        return error(400, text);
    }

    /** Holds the request for {@code duration}, then answers normally: for client timeouts. */
    public static Fault hang(Duration duration) {
        return new Fault(Kind.HANG, 0, null, null, Objects.requireNonNull(duration));
    }

    /** Closes the connection without any response, as a crashing proxy would. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, null, null, null);
    }

    private static Fault error(int status, String description) {
        return new Fault(Kind.ERROR, status, description, null, null);
    }

    Kind kind() {
        return kind;
    }

    Duration hangDuration() {
        return hang;
    }

    ApiException toException() {
        return new ApiException(status, description, retryAfter);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ERROR -> "Fault[" + status + " " + description + "]";
            case HANG -> "Fault[hang " + hang + "]";
            case DROP_CONNECTION -> "Fault[drop connection]";
        };
    }
}
