package dev.switchboard.sandbox.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Connection overrides, dates, ids, forms and TwiML. */
class TwilioUnitsTest {

    @Test
    void connectionOverridesAreReadFromTheFragmentAndStripped() {
        ConnectionOverrides overrides = ConnectionOverrides.parse(
                "https://hooks.example.com/wa?tenant=7#rc=3&rp=all&ct=2000&rt=4000&tt=3000");

        assertThat(overrides.url()).isEqualTo("https://hooks.example.com/wa?tenant=7");
        assertThat(overrides.retryCount()).isEqualTo(3);
        assertThat(overrides.retryPolicy()).isEqualTo("all");
        assertThat(overrides.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(overrides.requestTimeout(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(3));
        assertThat(ConnectionOverrides.parse("https://h.example.com/x#rc=9").retryCount()).isEqualTo(5);
    }

    @Test
    void withoutAFragmentOnlyConnectionFailuresAreRetriedOnce() {
        ConnectionOverrides defaults = ConnectionOverrides.parse("https://hooks.example.com/wa");

        assertThat(defaults.url()).isEqualTo("https://hooks.example.com/wa");
        assertThat(defaults.retryCount()).isEqualTo(1);
        assertThat(defaults.retries(500, false, false)).isFalse();
        assertThat(defaults.retries(0, true, false)).isTrue();
        assertThat(defaults.requestTimeout(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(15));
        ConnectionOverrides fivexx = ConnectionOverrides.parse("https://h.example.com/x#rp=5xx");
        assertThat(fivexx.retries(503, false, false)).isTrue();
        assertThat(fivexx.retries(404, false, false)).isFalse();
    }

    @Test
    void datesAreRfc2822InUtc() {
        assertThat(Rfc2822.format(Instant.parse("2015-07-30T20:12:31Z"))).isEqualTo("Thu, 30 Jul 2015 20:12:31 +0000");
        assertThat(Rfc2822.format(null)).isNull();
    }

    @Test
    void sidsAreAPrefixAnd32LowercaseHexDigits() {
        String sid = Sids.of("SM", new Random(1));

        assertThat(sid).matches("SM[0-9a-f]{32}").hasSize(34);
        assertThat(Sids.valid("AC", "AC" + "0".repeat(32))).isTrue();
        assertThat(Sids.valid("AC", "AC" + "0".repeat(31))).isFalse();
    }

    @Test
    void formsKeepRepeatedNames() {
        var decoded = TwilioForm.decode("MediaUrl=https%3A%2F%2Fa.example%2F1.jpg&MediaUrl=https%3A%2F%2Fa.example%2F2"
                + ".jpg&Body=hi+there&DateSent%3E=2025-03-01");

        assertThat(decoded.get("MediaUrl")).containsExactly("https://a.example/1.jpg", "https://a.example/2.jpg");
        assertThat(decoded.get("Body")).containsExactly("hi there");
        assertThat(decoded.get("DateSent>")).containsExactly("2025-03-01");
    }

    @Test
    void twimlMessagesBecomeReplies() {
        List<TwiML.Reply> replies = TwiML.replies("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Message>Thanks &amp; see you</Message>"
                + "<Message statusCallback=\"https://cb.example/s\"><Body>Menu</Body><Media>https://m.example/a.jpg"
                + "</Media></Message></Response>");

        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).body()).isEqualTo("Thanks & see you");
        assertThat(replies.get(1).body()).isEqualTo("Menu");
        assertThat(replies.get(1).mediaUrls()).containsExactly("https://m.example/a.jpg");
        assertThat(replies.get(1).statusCallback()).isEqualTo("https://cb.example/s");
        assertThat(TwiML.replies("<Response/>")).isEmpty();
        assertThat(TwiML.replies("")).isEmpty();
    }

    @Test
    void errorCodesMapToTheirFinalStatusAndText() {
        assertThat(ErrorCodes.finalStatus(63016)).isEqualTo("failed");
        assertThat(ErrorCodes.finalStatus(30008)).isEqualTo("undelivered");
        assertThat(ErrorCodes.message(63016)).contains("outside the allowed window");
    }
}
