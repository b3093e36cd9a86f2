package dev.switchboard.channel.whatsapp.greenapi;

import dev.switchboard.channel.whatsapp.greenapi.client.GreenApiInstance;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.InvalidInputException.FieldError;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Green API integration's credentials: {@code idInstance}, the secret {@code apiTokenInstance},
 * the instance's hosts {@code apiUrl} and {@code mediaUrl} (defaults filled in), and the
 * {@code webhookUrlToken} we generate. A missing field is a malformed request (400); a field of
 * the wrong format is refused like credentials Green API refuses (422), with what to copy from where.
 */
final class GreenApiCredentials {

    static final String ID_INSTANCE = "idInstance";
    static final String API_TOKEN = "apiTokenInstance";
    static final String API_URL = "apiUrl";
    static final String MEDIA_URL = "mediaUrl";
    static final String WEBHOOK_TOKEN = "webhookUrlToken";

    /** Docs: 1 to 10 digits; real instances have 10. */
    private static final Pattern ID = Pattern.compile("^[1-9]\\d{0,9}$");
    /** Opaque (typically 50 hex characters), but it is a URL path segment: nothing else may pass. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{8,200}$");

    private GreenApiCredentials() {
    }

    /** Checks presence and types; fills in the default hosts. Formats are checked by {@link #instance}. */
    static ChannelCredentials validate(Map<String, Object> raw, GreenApiProperties properties) {
        Map<String, Object> input = raw == null ? Map.of() : raw;
        List<FieldError> errors = new ArrayList<>();
        String id = text(input, ID_INSTANCE, true, errors, "the instance number (idInstance) from the Green API console");
        String token = text(input, API_TOKEN, true, errors, "the instance's apiTokenInstance from the Green API console");
        String apiUrl = text(input, API_URL, false, errors, null);
        String mediaUrl = text(input, MEDIA_URL, false, errors, null);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ID_INSTANCE, id);
        values.put(API_TOKEN, token);
        values.put(API_URL, stripSlash(apiUrl != null ? apiUrl : properties.defaultApiUrl().toString()));
        values.put(MEDIA_URL, stripSlash(mediaUrl != null ? mediaUrl
                : apiUrl == null ? properties.defaultMediaUrl().toString() : mediaHostOf(apiUrl)));
        return ChannelCredentials.of(values, Set.of(API_TOKEN));
    }

    /**
     * The instance these credentials address.
     *
     * @throws GreenApiException (permanent) naming the field whose format cannot be right
     */
    static GreenApiInstance instance(ChannelCredentials credentials) throws GreenApiException {
        String id = credentials.required(ID_INSTANCE);
        if (!ID.matcher(id).matches()) {
            throw GreenApiException.invalidCredentials(ID_INSTANCE, "must be the instance number shown in the Green "
                    + "API console: 1 to 10 digits, like 1101000001");
        }
        if (!TOKEN.matcher(credentials.required(API_TOKEN)).matches()) {
            throw GreenApiException.invalidCredentials(API_TOKEN, "must be the instance's API token shown in the "
                    + "Green API console (letters and digits, no spaces)");
        }
        return new GreenApiInstance(url(credentials, API_URL), url(credentials, MEDIA_URL), Long.parseLong(id),
                credentials.secret(API_TOKEN));
    }

    /** {@code https://7105.api.greenapi.com} → {@code https://7105.media.greenapi.com}: Green API's naming of hosts. */
    static String mediaHostOf(String apiUrl) {
        return apiUrl.replaceFirst("^(https?://(?:[^/]*\\.)?)api\\.", "$1media.");
    }

    private static URI url(ChannelCredentials credentials, String field) throws GreenApiException {
        String value = credentials.required(field);
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw GreenApiException.invalidCredentials(field, "must be the http(s) host shown on the instance's page in "
                + "the Green API console, like https://7105.api.greenapi.com");
    }

    private static String text(Map<String, Object> input, String field, boolean required, List<FieldError> errors,
                               String what) {
        Object value = input.get(field);
        if (value instanceof Number number && field.equals(ID_INSTANCE)) {
            return number.toString();
        }
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                errors.add(new FieldError("credentials." + field, "is required: " + what));
            }
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new FieldError("credentials." + field, "must be a string"));
            return null;
        }
        return s.trim();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
