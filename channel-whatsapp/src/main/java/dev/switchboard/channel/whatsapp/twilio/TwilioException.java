package dev.switchboard.channel.whatsapp.twilio;

import dev.switchboard.channel.whatsapp.twilio.model.TwilioErrors;
import dev.switchboard.core.channel.ChannelException;

/**
 * A failed Twilio call, classified by HTTP status and Twilio's error code: 429/20429 and 5xx are
 * retryable, 401/20003 means the credentials were refused, every other 4xx is permanent (63016 among
 * them: a free-form message outside the 24-hour window never goes, however often it is retried).
 */
public class TwilioException extends ChannelException {

    public TwilioException(int status, Integer code, String twilioMessage) {
        super(kindOf(status), status, code == null ? Integer.toString(status) : code.toString(),
                describe(status, code, twilioMessage), null);
    }

    private TwilioException(String providerCode, String reason) {
        super(Kind.PERMANENT, 0, providerCode, reason, null);
    }

    /** Credentials that cannot be right, found before any call. */
    public static TwilioException invalidCredentials(String field, String reason) {
        return new TwilioException("invalid_credentials", "credentials." + field + " " + reason);
    }

    /** The account answers but cannot send (suspended, closed). */
    public static TwilioException accountNotActive(String status) {
        return new TwilioException("account_" + status, "the Twilio account is " + status
                + ": reactivate it in the Twilio console, then connect again");
    }

    private static Kind kindOf(int status) {
        if (status == 429 || status >= 500) {
            return Kind.RETRYABLE;
        }
        return status == 401 ? Kind.UNAUTHORIZED : Kind.PERMANENT;
    }

    private static String describe(int status, Integer code, String twilioMessage) {
        if (status == 401) {
            return "Twilio rejected the Account SID or Auth Token (401, Twilio " + TwilioErrors.AUTHENTICATION
                    + "): copy both again from the Twilio console";
        }
        if (status == 429 || status >= 500) {
            return "Twilio is busy or failing (" + status + (code == null ? "" : ", Twilio " + code)
                    + "): trying again later";
        }
        return "Twilio refused the request: " + TwilioErrors.describe(code, twilioMessage);
    }
}
