package dev.switchboard.channel.calendar;

import dev.switchboard.core.channel.ChannelException;
import java.time.Duration;

/**
 * A failed Google call, classified: {@code invalid_grant} (revoked or expired consent) and 401 as
 * refused credentials; 429, rate-limit 403s and 5xx as retryable; the rest permanent.
 */
public class GoogleException extends ChannelException {

    public static final String RECONNECT = "Google refused the calendar's authorization (revoked or expired): "
            + "reconnect the calendar";

    public GoogleException(Kind kind, int status, String reason, String message) {
        super(kind, status, reason, message, kind == Kind.RETRYABLE && status == 429 ? Duration.ofSeconds(2) : null);
    }

    public static GoogleException reconnectNeeded() {
        return new GoogleException(Kind.UNAUTHORIZED, 400, "invalid_grant", RECONNECT);
    }

    public static GoogleException of(int status, String reason, String message) {
        boolean rateLimited = status == 429 || (status == 403 && reason != null
                && (reason.contains("RateLimit") || reason.contains("rateLimit")));
        Kind kind = rateLimited || status >= 500 ? Kind.RETRYABLE : status == 401 ? Kind.UNAUTHORIZED : Kind.PERMANENT;
        return new GoogleException(kind, status, reason, "Google Calendar answered " + status
                + (reason == null ? "" : " " + reason) + (message == null ? "" : ": " + message));
    }
}
