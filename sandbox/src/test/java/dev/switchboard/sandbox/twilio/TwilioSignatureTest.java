package dev.switchboard.sandbox.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** X-Twilio-Signature against published vectors and a hand-built one. */
class TwilioSignatureTest {

    /** The fixture of twilio-java's RequestValidatorTest (auth token "12345"). */
    private static final Map<String, String> SDK_PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE",
            "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");

    @Test
    void matchesTheTwilioJavaRequestValidatorVector() {
        assertThat(Signature.compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", SDK_PARAMS))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void signsTheUrlExactlyAsGivenPortsIncluded() {
        assertThat(Signature.compute("12345", "http://mycompany.com:1234/myapp.php?foo=1&bar=2", SDK_PARAMS))
                .isEqualTo("Zmvh+3yNM1Phv2jhDCwEM3q5ebU=");
        assertThat(Signature.compute("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", SDK_PARAMS))
                .isEqualTo("kvajT1Ptam85bY51eRf/AJRuM3w=");
        assertThat(Signature.compute("12345", "http://mycompany.com:80/myapp.php?foo=1&bar=2", SDK_PARAMS))
                .isEqualTo("0ZXoZLH/DfblKGATFgpif+LLRf4=");
    }

    @Test
    void sortsNamesOrdinallyAndConcatenatesWithoutSeparators() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("body", "lower-case names sort after upper-case ones");
        params.put("MediaUrl0", "https://example.com/a.jpg");
        params.put("MediaContentType0", "image/jpeg");
        params.put("From", "whatsapp:+5511900000001");
        params.put("Empty", "");

        assertThat(ExpectedSignature.signedData("https://hooks.example.com/wa?x=1", params)).isEqualTo(
                "https://hooks.example.com/wa?x=1" + "Empty" + "From" + "whatsapp:+5511900000001"
                        + "MediaContentType0" + "image/jpeg" + "MediaUrl0" + "https://example.com/a.jpg"
                        + "body" + "lower-case names sort after upper-case ones");
        assertThat(Signature.compute("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4", "https://hooks.example.com/wa?x=1", params))
                .isEqualTo(ExpectedSignature.of("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4", "https://hooks.example.com/wa?x=1",
                        params));
    }

    @Test
    void theKeyAndEveryCharacterMatter() {
        String good = Signature.compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", SDK_PARAMS);

        assertThat(Signature.compute("12346", "https://mycompany.com/myapp.php?foo=1&bar=2", SDK_PARAMS))
                .isNotEqualTo(good);
        assertThat(Signature.compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", SDK_PARAMS))
                .isNotEqualTo(good);
        assertThat(good).hasSize(28).endsWith("=");
    }
}
