package dev.switchboard.core.channel;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that failed. The message is the provider's reason, fit to show a user and to
 * store on a failed message; it never contains a secret or a URL with a token in it.
 */
public class ChannelException extends Exception {

    public enum Kind {
        /** 429, 5xx, timeouts, connection failures: try again later. */
        RETRYABLE,
        /** The request can never succeed as it is: bad recipient, blocked bot, bad parameters. */
        PERMANENT,
        /** The credentials were refused (revoked or wrong token): permanent until they change. */
        UNAUTHORIZED
    }

    private final Kind kind;
    private final int status;
    private final String providerCode;
    private final Duration retryAfter;

    public ChannelException(Kind kind, int status, String providerCode, String reason, Duration retryAfter) {
        super(reason);
        this.kind = kind;
        this.status = status;
        this.providerCode = providerCode;
        this.retryAfter = retryAfter;
    }

    /** The provider could not be reached or did not answer in time. */
    public static ChannelException unreachable(String reason) {
        return new ChannelException(Kind.RETRYABLE, 0, null, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.RETRYABLE;
    }

    /** The provider's HTTP status; 0 when no response came. */
    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0;
    }

    public Optional<String> providerCode() {
        return Optional.ofNullable(providerCode);
    }

    /** What the provider asked us to wait before the next call, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
