package dev.switchboard.channel.whatsapp.twilio;

import dev.switchboard.channel.whatsapp.PhoneNumbers;
import dev.switchboard.channel.whatsapp.twilio.client.TwilioAuth;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.InvalidInputException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Twilio integration's credentials: {@code accountSid}, the secret {@code authToken} and the
 * WhatsApp sender {@code whatsappNumber} (E.164). A missing field is a malformed request (400); a
 * field of the wrong format is refused like credentials Twilio refuses (422), saying where to find it.
 */
final class TwilioCredentials {

    static final String ACCOUNT_SID = "accountSid";
    static final String AUTH_TOKEN = "authToken";
    static final String WHATSAPP_NUMBER = "whatsappNumber";

    private static final Pattern SID = Pattern.compile("^AC[0-9a-f]{32}$");
    private static final Pattern TOKEN = Pattern.compile("^[0-9a-f]{32}$");

    private TwilioCredentials() {
    }

    static ChannelCredentials validate(Map<String, Object> raw) {
        Map<String, Object> input = raw == null ? Map.of() : raw;
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ACCOUNT_SID, text(input, ACCOUNT_SID, "the Account SID (AC…) from the Twilio console", errors));
        values.put(AUTH_TOKEN, text(input, AUTH_TOKEN, "the Auth Token from the Twilio console", errors));
        values.put(WHATSAPP_NUMBER, text(input, WHATSAPP_NUMBER, "the WhatsApp sender number, like +14155238886",
                errors));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return ChannelCredentials.of(values, Set.of(AUTH_TOKEN));
    }

    /** @throws TwilioException (permanent) naming the field whose format cannot be right */
    static TwilioAuth auth(ChannelCredentials credentials) throws TwilioException {
        if (!SID.matcher(credentials.required(ACCOUNT_SID)).matches()) {
            throw TwilioException.invalidCredentials(ACCOUNT_SID, "must be the Account SID shown in the Twilio "
                    + "console: AC followed by 32 hex digits");
        }
        if (!TOKEN.matcher(credentials.required(AUTH_TOKEN)).matches()) {
            throw TwilioException.invalidCredentials(AUTH_TOKEN, "must be the account's Auth Token shown in the "
                    + "Twilio console: 32 hex digits");
        }
        return new TwilioAuth(credentials.required(ACCOUNT_SID), credentials.secret(AUTH_TOKEN));
    }

    /** @throws TwilioException (permanent) when the sender is no E.164 number */
    static String whatsappNumber(ChannelCredentials credentials) throws TwilioException {
        return PhoneNumbers.e164(credentials.required(WHATSAPP_NUMBER)).orElseThrow(() ->
                TwilioException.invalidCredentials(WHATSAPP_NUMBER, "must be the WhatsApp sender's number in E.164 "
                        + "form, like +14155238886"));
    }

    private static String text(Map<String, Object> input, String field, String what, List<FieldError> errors) {
        Object value = input.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(new FieldError("credentials." + field, "is required: " + what));
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new FieldError("credentials." + field, "must be a string"));
            return null;
        }
        return s.trim();
    }
}
