package dev.switchboard.sandbox.greenapi;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure to inject into the next matching calls of an instance, answered as Green API answers
 * it: {@link #status} with that status and Green API's body for it (466 with the quota body, 502
 * as nginx's page, ...); {@link #hang} holds the call and then answers normally;
 * {@link #dropConnection} closes the socket without answering.
 */
public final class Fault {

    enum Kind { STATUS, HANG, DROP_CONNECTION }

    private final Kind kind;
    private final int status;
    private final Duration hang;

    private Fault(Kind kind, int status, Duration hang) {
        this.kind = kind;
        this.status = status;
        this.hang = hang;
    }

    /** 400-599, typically 401, 403, 429, 466, 499, 500 or 502. */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault status is 4xx or 5xx, not " + status);
        }
        return new Fault(Kind.STATUS, status, null);
    }

    /** Holds the request for {@code duration}, then answers normally: for client read timeouts. */
    public static Fault hang(Duration duration) {
        return new Fault(Kind.HANG, 0, Objects.requireNonNull(duration));
    }

    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, null);
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    Duration hangDuration() {
        return hang;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> "Fault[" + status + "]";
            case HANG -> "Fault[hang " + hang + "]";
            case DROP_CONNECTION -> "Fault[drop connection]";
        };
    }
}
