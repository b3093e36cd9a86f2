package dev.switchboard.sandbox.openai;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure to inject into the next chat-completions calls, with OpenAI's status, error body and
 * headers. {@link #hang} holds the call and then answers normally; {@link #dropConnection}
 * closes the socket without an answer.
 */
public final class Fault {

    enum Kind { ERROR, HANG, DROP_CONNECTION }

    private final Kind kind;
    private final int status;
    private final String type;
    private final String code;
    private final String message;
    private final Duration duration;

    private Fault(Kind kind, int status, String type, String code, String message, Duration duration) {
        this.kind = kind;
        this.status = status;
        this.type = type;
        this.code = code;
        this.message = message;
        this.duration = duration;
    }

    /** 401 {@code invalid_api_key}, as after the key was revoked in the dashboard. */
    public static Fault unauthorized() {
        return new Fault(Kind.ERROR, 401, "invalid_request_error", "invalid_api_key",
                "Incorrect API key provided: sk-***. You can find your API key at "
                        + "https://platform.openai.com/account/api-keys.", null);
    }

    /** 429 {@code rate_limit_exceeded} with {@code retry-after} (seconds, rounded up) and {@code retry-after-ms}. */
    public static Fault rateLimited(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("negative retry-after");
        }
        return new Fault(Kind.ERROR, 429, "requests", "rate_limit_exceeded", null, retryAfter);
    }

    /** 429 {@code insufficient_quota}: billing, not speed; retrying does not help. */
    public static Fault insufficientQuota() {
        return new Fault(Kind.ERROR, 429, "insufficient_quota", "insufficient_quota", "You exceeded your current "
                + "quota, please check your plan and billing details. For more information on this error, read the "
                + "docs: https://platform.openai.com/docs/guides/error-codes/api-errors.", null);
    }

    /** 500 {@code server_error}. */
    public static Fault serverError() {
        return new Fault(Kind.ERROR, 500, "server_error", null,
                "The server had an error while processing your request. Sorry about that!", null);
    }

    /** 503: overloaded. */
    public static Fault overloaded() {
        return new Fault(Kind.ERROR, 503, "server_error", null, "The server is overloaded or not ready yet.", null);
    }

    /** Any other error. */
    public static Fault error(int status, String type, String code, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("faults are 4xx or 5xx, not " + status);
        }
        return new Fault(Kind.ERROR, status, Objects.requireNonNull(type), code, Objects.requireNonNull(message),
                null);
    }

    /** Holds the call for {@code duration}, then answers normally: for client timeouts. */
    public static Fault hang(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative hang");
        }
        return new Fault(Kind.HANG, 0, null, null, null, duration);
    }

    /** Closes the connection without any response. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, null, null, null, null);
    }

    Kind kind() {
        return kind;
    }

    Duration duration() {
        return duration;
    }

    OpenAiError toError(String model) {
        if (status == 429 && "rate_limit_exceeded".equals(code)) {
            long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
            String message = "Rate limit reached for " + model + " in organization org-sandbox on requests per min "
                    + "(RPM): Limit 3, Used 3, Requested 1. Please try again in " + seconds + "s. Visit "
                    + "https://platform.openai.com/account/rate-limits to learn more.";
            return new OpenAiError(429, type, null, code, message)
                    .withHeader("retry-after", Long.toString(seconds))
                    .withHeader("retry-after-ms", Long.toString(duration.toMillis()))
                    .withHeader("x-ratelimit-limit-requests", "3")
                    .withHeader("x-ratelimit-remaining-requests", "0")
                    .withHeader("x-ratelimit-reset-requests", seconds + "s");
        }
        return new OpenAiError(status, type, null, code, message);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ERROR -> "Fault[" + status + " " + (code != null ? code : type) + "]";
            case HANG -> "Fault[hang " + duration + "]";
            case DROP_CONNECTION -> "Fault[drop connection]";
        };
    }
}
