package dev.switchboard.channel.whatsapp.greenapi;

import dev.switchboard.core.channel.ChannelException;
import java.time.Duration;

/**
 * A failed Green API call, classified by HTTP status only (Green API's error texts are not
 * published as a contract): 429, 499 and 5xx are retryable, 401/403 mean the credentials were
 * refused, the rest are permanent. The message is for a person and never holds a token or a URL.
 */
public class GreenApiException extends ChannelException {

    /** Green API sends no Retry-After; its docs ask for at least a second. */
    static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(1);

    public GreenApiException(int status, String method, String reason) {
        super(kindOf(status), status, Integer.toString(status), describe(status, method, reason),
                status == 429 ? RATE_LIMIT_PAUSE : null);
    }

    private GreenApiException(Kind kind, String providerCode, String reason) {
        super(kind, 0, providerCode, reason, null);
    }

    /** Credentials that cannot be right, found before any call (a bad idInstance, an apiUrl that is no URL). */
    public static GreenApiException invalidCredentials(String field, String reason) {
        return new GreenApiException(Kind.PERMANENT, "invalid_credentials", "credentials." + field + " " + reason);
    }

    /** The instance answers, but its WhatsApp side cannot work now; {@code whatToDo} says why and what helps. */
    public static GreenApiException notOperational(String whatToDo) {
        return new GreenApiException(Kind.PERMANENT, "not_authorized", whatToDo);
    }

    /** A message this instance cannot send as it is (a file without a usable name, a contact without a number). */
    public static GreenApiException unsendable(String reason) {
        return new GreenApiException(Kind.PERMANENT, "unsendable", reason);
    }

    private static Kind kindOf(int status) {
        if (status == 429 || status == 499 || status >= 500) {
            return Kind.RETRYABLE;
        }
        return status == 401 || status == 403 ? Kind.UNAUTHORIZED : Kind.PERMANENT;
    }

    private static String describe(int status, String method, String reason) {
        return switch (status) {
            case 401 -> "Green API rejected the apiTokenInstance (401 Unauthorized): copy it again from the "
                    + "instance's page in the Green API console";
            case 403 -> "Green API refused the call to " + method + " (403 Forbidden): check idInstance and apiUrl "
                    + "on the instance's page in the Green API console";
            case 404 -> "Green API answered 404 to " + method + ": check apiUrl (the API host shown on the "
                    + "instance's page in the Green API console)";
            case 429 -> "Green API's rate limit for " + method + " was reached (429): trying again later";
            case 466 -> "Green API's quota of this instance is used up (466)"
                    + (reason == null || reason.isBlank() ? "" : ": " + reason);
            case 499, 500, 502, 503, 504 -> "Green API failed on " + method + " (" + status + "): trying again later";
            default -> "Green API refused " + method + " (" + status + ")"
                    + (reason == null || reason.isBlank() ? "" : ": " + reason);
        };
    }
}
