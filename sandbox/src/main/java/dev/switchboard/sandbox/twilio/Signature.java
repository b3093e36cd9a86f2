package dev.switchboard.sandbox.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Twilio-Signature} for form-encoded webhooks: the URL exactly as configured, then each
 * parameter name (sorted ordinally) immediately followed by its value; HMAC-SHA1 keyed with the
 * Auth Token; standard padded Base64. The same computation twilio-java's RequestValidator checks.
 */
final class Signature {

    private Signature() {
    }

    static String compute(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        List<String> names = new ArrayList<>(params.keySet());
        Collections.sort(names);
        for (String name : names) {
            String value = params.get(name);
            data.append(name).append(value == null ? "" : value);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
