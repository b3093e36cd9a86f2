package dev.switchboard.channel.whatsapp.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import dev.switchboard.channel.whatsapp.twilio.webhook.TwilioSignature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our X-Twilio-Signature check agrees with twilio-java's RequestValidator, accepting and refusing alike. */
class TwilioSignatureTest {

    private static final List<String> URLS = List.of(
            "https://switchboard.example.com/webhooks/twilio/AbC-_123",
            "https://switchboard.example.com:443/webhooks/twilio/AbC-_123/status",
            "https://switchboard.example.com:8443/webhooks/twilio/key",
            "http://localhost:8080/webhooks/twilio/key",
            "http://proxy.example/webhooks/twilio/key?a=1&b=%20x",
            "https://mycompany.com/myapp.php?foo=1&bar=2");
    private static final String ALPHABET = "abcXYZ019 +&=%/:?#é😀_-.";

    @Test
    void twilioJavasOwnVectorPasses() {
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+14158675309");
        params.put("Digits", "1234");
        params.put("From", "+14158675309");
        params.put("To", "+18005551212");
        String expected = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

        assertThat(new RequestValidator("12345").validate(url, params, expected)).isTrue();
        assertThat(TwilioSignature.valid("12345", url, multi(params), expected)).isTrue();
        assertThat(TwilioSignature.compute("12345", url, multi(params))).isEqualTo(expected);
    }

    @Test
    void agreesWithRequestValidatorOnRandomRequestsAndTheirForgeries() {
        Random random = new Random(20261122);
        for (int i = 0; i < 400; i++) {
            String token = hex(random, 32);
            String url = URLS.get(random.nextInt(URLS.size()));
            Map<String, String> params = randomParams(random);
            String signed = TwilioSignature.compute(token, signedUrl(url, random), multi(params));
            for (String presented : List.of(signed, "x" + signed, signed.substring(1), "")) {
                assertThat(TwilioSignature.valid(token, url, multi(params), presented))
                        .as("%s %s %s", url, params, presented)
                        .isEqualTo(new RequestValidator(token).validate(url, params, presented));
            }
            Map<String, String> altered = new LinkedHashMap<>(params);
            altered.put("Body", params.getOrDefault("Body", "") + "!");
            assertThat(TwilioSignature.valid(token, url, multi(altered), signed))
                    .isEqualTo(new RequestValidator(token).validate(url, altered, signed)).isFalse();
            assertThat(TwilioSignature.valid(token, url + "x", multi(params), signed))
                    .isEqualTo(new RequestValidator(token).validate(url + "x", params, signed));
            assertThat(TwilioSignature.valid(hex(random, 32), url, multi(params), signed)).isFalse();
        }
    }

    @Test
    void portsAreTreatedAsTwilioDoes() {
        String token = "0123456789abcdef0123456789abcdef";
        Map<String, List<String>> params = Map.of("Body", List.of("hi"));
        String withoutPort = TwilioSignature.compute(token, "https://h.example/webhooks/twilio/k", params);
        String withPort = TwilioSignature.compute(token, "https://h.example:443/webhooks/twilio/k", params);
        assertThat(TwilioSignature.valid(token, "https://h.example/webhooks/twilio/k", params, withPort)).isTrue();
        assertThat(TwilioSignature.valid(token, "https://h.example:443/webhooks/twilio/k", params, withoutPort)).isTrue();
        assertThat(TwilioSignature.valid(token, "https://other.example/webhooks/twilio/k", params, withoutPort)).isFalse();
    }

    /** Twilio signs the URL with or without the default port: both must pass. */
    private static String signedUrl(String url, Random random) {
        if (!random.nextBoolean()) {
            return url;
        }
        if (url.startsWith("https://switchboard.example.com/")) {
            return url.replace("https://switchboard.example.com/", "https://switchboard.example.com:443/");
        }
        return url.replace("https://switchboard.example.com:443/", "https://switchboard.example.com/");
    }

    private static Map<String, String> randomParams(Random random) {
        Map<String, String> params = new LinkedHashMap<>();
        String[] names = {"MessageSid", "Body", "From", "To", "NumMedia", "MediaUrl0", "ProfileName", "body", "Body2",
                "ButtonPayload", "AccountSid", "A", "a"};
        int count = 1 + random.nextInt(names.length);
        for (int i = 0; i < count; i++) {
            params.put(names[random.nextInt(names.length)], randomText(random));
        }
        return params;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        int[] codePoints = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    private static Map<String, List<String>> multi(Map<String, String> params) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return multi;
    }

    private static String hex(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
