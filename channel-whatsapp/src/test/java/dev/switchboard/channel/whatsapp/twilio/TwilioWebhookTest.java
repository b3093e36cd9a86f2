package dev.switchboard.channel.whatsapp.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channel.whatsapp.twilio.model.TwilioErrors;
import dev.switchboard.channel.whatsapp.twilio.webhook.TwilioSignature;
import dev.switchboard.channel.whatsapp.twilio.webhook.TwilioWebhook;
import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import dev.switchboard.core.channel.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio form webhooks (real-shaped fixtures): signature, account, routing and parsing. */
class TwilioWebhookTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String URL = "https://switchboard.example.com/webhooks/twilio/k3y";

    private final TwilioWebhook webhook = new TwilioWebhook();

    @Test
    void aCorrectlySignedRequestPassesAndAnyChangeFails() {
        Map<String, List<String>> form = form("inbound-text.form");
        String signature = TwilioSignature.compute(TOKEN, URL, form);
        webhook.authenticate(TOKEN, ACCOUNT, request(URL, form, signature));

        Map<String, List<String>> altered = new LinkedHashMap<>(form);
        altered.put("Body", List.of("Hello!"));
        assertRejected(() -> webhook.authenticate(TOKEN, ACCOUNT, request(URL, altered, signature)), Reason.UNAUTHORIZED);
        Map<String, List<String>> added = new LinkedHashMap<>(form);
        added.put("Extra", List.of("1"));
        assertRejected(() -> webhook.authenticate(TOKEN, ACCOUNT, request(URL, added, signature)), Reason.UNAUTHORIZED);
        assertRejected(() -> webhook.authenticate(TOKEN, ACCOUNT, request(URL.replace("k3y", "k3z"), form, signature)),
                Reason.UNAUTHORIZED);
        assertRejected(() -> webhook.authenticate(TOKEN, ACCOUNT, request("http://localhost:8080/webhooks/twilio/k3y",
                form, signature)), Reason.UNAUTHORIZED);
        assertRejected(() -> webhook.authenticate("f" + TOKEN.substring(1), ACCOUNT, request(URL, form, signature)),
                Reason.UNAUTHORIZED);
        assertRejected(() -> webhook.authenticate(TOKEN, ACCOUNT, request(URL, form, null)), Reason.UNAUTHORIZED);
    }

    @Test
    void aSignedRequestOfAnotherAccountIsRefused() {
        Map<String, List<String>> form = form("inbound-text.form");
        assertRejected(() -> webhook.authenticate(TOKEN, "AC" + "f".repeat(32), request(URL, form,
                TwilioSignature.compute(TOKEN, URL, form))), Reason.UNAUTHORIZED);
    }

    @Test
    void onlyTheMessageAndStatusPathsExist() {
        Map<String, List<String>> form = form("inbound-text.form");
        assertThat(TwilioWebhook.kind(request(URL, form, null))).isEqualTo(TwilioWebhook.Kind.MESSAGE);
        assertThat(TwilioWebhook.kind(request(URL + "/status", form, null))).isEqualTo(TwilioWebhook.Kind.STATUS);
        assertRejected(() -> TwilioWebhook.kind(request(URL + "/other", form, null)), Reason.NOT_FOUND);
    }

    @Test
    void text() {
        InboundMessage message = only(URL, "inbound-text.form");
        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.text()).isEqualTo("Hello");
        assertThat(message.chatId()).isEqualTo("+5511900000001");
        assertThat(message.dedupKey()).isEqualTo("SM0123456789abcdef0123456789abcdef");
        assertThat(message.sender().displayName()).isEqualTo("Ann");
        assertThat(message.sender().phone()).isEqualTo("+5511900000001");
    }

    @Test
    void mediaLocationAndButton() {
        InboundMessage image = only(URL, "inbound-image.form");
        assertThat(image.kind()).isEqualTo(MessageKind.PHOTO);
        assertThat(image.text()).isEqualTo("our room");
        assertThat(asMap(image.payload().get("media"))).containsEntry("mimeType", "image/jpeg")
                .containsEntry("url", "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef"
                        + "/Messages/MM0123456789abcdef0123456789abcdef/Media/ME0123456789abcdef0123456789abcdef");

        InboundMessage location = only(URL, "inbound-location.form");
        assertThat(location.kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(location.payload().get("location")).isEqualTo(Map.of("latitude", -23.5505, "longitude", -46.6333,
                "name", "Hotel Aurora", "address", "Av. Paulista 1"));

        InboundMessage button = only(URL, "inbound-button.form");
        assertThat(button.kind()).isEqualTo(MessageKind.BUTTON);
        assertThat(button.text()).isEqualTo("bk_7QX2_ok");
        assertThat(button.payload()).containsEntry("data", "bk_7QX2_ok").containsEntry("title", "Approve");
    }

    @Test
    void statusCallbacksBecomeReceiptsAnd63016IsExplained() {
        DeliveryReceipt read = (DeliveryReceipt) webhook.parse(request(URL + "/status", form("status-callback-read.form"),
                null)).get(0);
        assertThat(read.status()).isEqualTo(DeliveryReceipt.Status.READ);
        assertThat(read.providerMessageId()).isEqualTo("SM0123456789abcdef0123456789abcdef");
        assertThat(read.dedupKey()).isEqualTo("SM0123456789abcdef0123456789abcdef:read");

        DeliveryReceipt failed = (DeliveryReceipt) webhook.parse(request(URL + "/status",
                form("status-callback-failed-63016.form"), null)).get(0);
        assertThat(failed.status()).isEqualTo(DeliveryReceipt.Status.FAILED);
        assertThat(failed.error()).startsWith(TwilioErrors.OUTSIDE_WINDOW_TEXT).contains("63016");

        assertThat(webhook.parse(request(URL + "/status", form("status-callback-queued.form"), null))).isEmpty();
        // a console that sends callbacks to the message URL is understood too
        assertThat(webhook.parse(request(URL, form("status-callback-read.form"), null)).get(0))
                .isInstanceOf(DeliveryReceipt.class);
    }

    @Test
    void aPostWithoutTheFieldsIsMalformed() {
        assertRejected(() -> webhook.parse(request(URL, Map.of(), null)), Reason.MALFORMED);
        assertRejected(() -> webhook.parse(request(URL, Map.of("Body", List.of("x")), null)), Reason.MALFORMED);
        assertRejected(() -> webhook.parse(request(URL + "/status", Map.of("MessageSid", List.of("SM1")), null)),
                Reason.MALFORMED);
    }

    private InboundMessage only(String url, String fixture) {
        List<InboundEvent> events = webhook.parse(request(url, form(fixture), null));
        assertThat(events).hasSize(1);
        return (InboundMessage) events.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static void assertRejected(Runnable call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static WebhookRequest request(String url, Map<String, List<String>> form, String signature) {
        Map<String, List<String>> headers = signature == null ? Map.of()
                : Map.of("x-twilio-signature", List.of(signature));
        return new WebhookRequest(URI.create(url), headers, form, new byte[0]);
    }

    static Map<String, List<String>> form(String fixture) {
        String encoded;
        try (InputStream in = TwilioWebhookTest.class.getResourceAsStream("/fixtures/twilio/" + fixture)) {
            encoded = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            form.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    k -> new java.util.ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
