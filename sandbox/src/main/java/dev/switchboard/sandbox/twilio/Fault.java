package dev.switchboard.sandbox.twilio;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure to inject into an account's next REST calls, answered as api.twilio.com does:
 * {@link #tooManyRequests()} 429 with code 20429, {@link #serverError()} 500 (20500),
 * {@link #serviceUnavailable()} 503 (20503), {@link #hang} holds the call and then answers normally.
 * A faulted create does not create the message; the next identical create counts the attempt.
 */
public final class Fault {

    enum Kind { STATUS, HANG }

    private final Kind kind;
    private final int status;
    private final int code;
    private final String message;
    private final Duration hang;

    private Fault(Kind kind, int status, int code, String message, Duration hang) {
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.message = message;
        this.hang = hang;
    }

    public static Fault tooManyRequests() {
        return new Fault(Kind.STATUS, 429, 20429, "Too Many Requests", null);
    }

    public static Fault serverError() {
        return new Fault(Kind.STATUS, 500, 20500, "An internal server error has occurred", null);
    }

    public static Fault serviceUnavailable() {
        return new Fault(Kind.STATUS, 503, 20503, "Service is unavailable. Please try again", null);
    }

    /** 429, 500, 502, 503 or 504 with Twilio's code for it. */
    public static Fault status(int status) {
        return switch (status) {
            case 429 -> tooManyRequests();
            case 500 -> serverError();
            case 503 -> serviceUnavailable();
            case 502 -> new Fault(Kind.STATUS, 502, 20502, "Bad Gateway", null);
            case 504 -> new Fault(Kind.STATUS, 504, 20504, "Gateway timeout", null);
            default -> throw new IllegalArgumentException("Twilio faults are 429, 500, 502, 503 or 504, not " + status);
        };
    }

    /** Holds the request for {@code duration}, then answers normally (a create then still creates). */
    public static Fault hang(Duration duration) {
        return new Fault(Kind.HANG, 0, 0, null, Objects.requireNonNull(duration));
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    String message() {
        return message;
    }

    Duration hangDuration() {
        return hang;
    }

    @Override
    public String toString() {
        return kind == Kind.HANG ? "Fault[hang " + hang + "]" : "Fault[" + status + "/" + code + "]";
    }
}
