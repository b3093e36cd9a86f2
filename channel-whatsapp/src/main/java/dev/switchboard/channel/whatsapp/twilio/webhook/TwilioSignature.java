package dev.switchboard.channel.whatsapp.twilio.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature} of a form-encoded webhook, computed as twilio-java's
 * {@code RequestValidator} does (proven against it by {@code TwilioSignatureTest}): the URL Twilio
 * called, then every parameter name in ordinal order immediately followed by its value; HMAC-SHA1
 * keyed with the Auth Token; standard Base64. Like RequestValidator it accepts the URL with the
 * default port added and with any port removed, as Twilio's signing has varied. Written here
 * rather than taken from the SDK, so the SDK's HTTP stack stays out of the application.
 */
public final class TwilioSignature {

    private TwilioSignature() {
    }

    public static boolean valid(String authToken, String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] presented = signature.getBytes(StandardCharsets.UTF_8);
        boolean withPort = MessageDigest.isEqual(compute(authToken, addPort(url), params).getBytes(StandardCharsets.UTF_8),
                presented);
        boolean withoutPort = MessageDigest.isEqual(compute(authToken, removePort(url), params)
                .getBytes(StandardCharsets.UTF_8), presented);
        return withPort | withoutPort;
    }

    /**
     * The signature of {@code url} and {@code params}. A name sent more than once contributes each of
     * its values, sorted (RequestValidator's map cannot hold repeats; Twilio's other libraries sort them).
     */
    public static String compute(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        List<String> names = new ArrayList<>(params.keySet());
        Collections.sort(names);
        for (String name : names) {
            List<String> values = new ArrayList<>(params.get(name) == null ? List.of() : params.get(name));
            if (values.isEmpty()) {
                values.add("");
            }
            Collections.sort(values);
            for (String value : values) {
                data.append(name).append(value == null ? "" : value);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private static String addPort(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getPort() != -1) {
                return url;
            }
            return withPort(uri, "https".equals(uri.getScheme()) ? 443 : 80);
        } catch (URISyntaxException | RuntimeException e) {
            return url;
        }
    }

    private static String removePort(String url) {
        try {
            URI uri = new URI(url);
            return uri.getPort() == -1 ? url : withPort(uri, -1);
        } catch (URISyntaxException | RuntimeException e) {
            return url;
        }
    }

    /** Rebuilt from the decoded parts, exactly as RequestValidator rebuilds it. */
    private static String withPort(URI uri, int port) throws URISyntaxException {
        return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), port, uri.getPath(), uri.getQuery(),
                uri.getFragment()).toString();
    }
}
