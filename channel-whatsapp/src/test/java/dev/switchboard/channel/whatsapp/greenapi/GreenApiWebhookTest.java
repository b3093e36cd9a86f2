package dev.switchboard.channel.whatsapp.greenapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channel.whatsapp.greenapi.client.HttpGreenApiClient;
import dev.switchboard.channel.whatsapp.greenapi.webhook.GreenApiNotificationParser;
import dev.switchboard.channel.whatsapp.greenapi.webhook.GreenApiWebhook;
import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.IntegrationStateChange;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import dev.switchboard.core.channel.WebhookRequest;
import dev.switchboard.core.vault.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Green API notifications (real-shaped fixtures) into events; the webhook token and instance checks. */
class GreenApiWebhookTest {

    private static final long INSTANCE = 1101000001L;
    private static final Secret TOKEN = Secret.of("d3Jvbmctb3ItcmlnaHQtdG9rZW4tZm9yLXRlc3Rz");

    private final GreenApiWebhook webhook = new GreenApiWebhook(HttpGreenApiClient.JSON, new GreenApiNotificationParser());

    @Test
    void theTokenIsAcceptedWithOrWithoutBearerAndNothingElse() {
        byte[] body = fixture("incoming-text.json");
        webhook.authenticate(TOKEN, INSTANCE, request(body, "Bearer " + TOKEN.reveal()));
        webhook.authenticate(TOKEN, INSTANCE, request(body, TOKEN.reveal()));
        webhook.authenticate(TOKEN, INSTANCE, request(body, "bearer  " + TOKEN.reveal()));

        for (String wrong : new String[] {null, "", "Bearer ", "Bearer wrong", TOKEN.reveal().substring(1),
                "Basic " + TOKEN.reveal(), "Bearer " + TOKEN.reveal() + "x"}) {
            assertRejected(() -> webhook.authenticate(TOKEN, INSTANCE, request(body, wrong)), Reason.UNAUTHORIZED);
        }
        assertRejected(() -> webhook.authenticate(null, INSTANCE, request(body, "Bearer ")), Reason.UNAUTHORIZED);
    }

    @Test
    void aNotificationOfAnotherInstanceIsRefusedEvenWithTheToken() {
        assertRejected(() -> webhook.authenticate(TOKEN, 1101000002L, request(fixture("incoming-text.json"),
                "Bearer " + TOKEN.reveal())), Reason.UNAUTHORIZED);
    }

    @Test
    void text() {
        InboundMessage message = only("incoming-text.json");
        assertThat(message.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.text()).isEqualTo("hi");
        assertThat(message.chatId()).isEqualTo("79001234568@c.us");
        assertThat(message.providerMessageId()).isEqualTo("BAE5F4886F6F2D05");
        assertThat(message.dedupKey()).isEqualTo("incomingMessageReceived:79001234568@c.us:BAE5F4886F6F2D05");
        assertThat(message.sender().externalId()).isEqualTo("79001234568@c.us");
        assertThat(message.sender().phone()).isEqualTo("+79001234568");
        assertThat(message.sender().displayName()).isEqualTo("Ann");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
    }

    @Test
    void extendedAndQuotedText() {
        InboundMessage extended = only("incoming-extended-text.json");
        assertThat(extended.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(extended.text()).isEqualTo("see https://example.com/menu");
        assertThat(extended.payload()).containsEntry("linkPreview", Map.of("title", "Menu", "description", "Our menu"));

        InboundMessage quoted = only("incoming-quoted.json");
        assertThat(quoted.text()).isEqualTo("yes, at 8");
        assertThat(quoted.payload()).containsEntry("replyTo", "BAE5F4886F6F2D05");
    }

    @Test
    void mediaKeepsItsUrlNameTypeAndCaption() {
        InboundMessage image = only("incoming-image.json");
        assertThat(image.kind()).isEqualTo(MessageKind.PHOTO);
        assertThat(image.text()).isEqualTo("menu");
        assertThat(media(image)).containsEntry("url", "https://example.com/1101000001/abc.jpg")
                .containsEntry("fileName", "abc.jpg").containsEntry("mimeType", "image/jpeg");

        InboundMessage document = only("incoming-document.json");
        assertThat(document.kind()).isEqualTo(MessageKind.DOCUMENT);
        assertThat(document.text()).isNull();
        assertThat(media(document)).containsEntry("fileName", "passport.pdf").containsEntry("mimeType", "application/pdf");

        InboundMessage voice = only("incoming-voice.json");
        assertThat(voice.kind()).isEqualTo(MessageKind.VOICE);
        assertThat(media(voice)).containsEntry("url", "https://example.com/1101000001/voice.oga");
    }

    @Test
    void locationContactAndButtons() {
        InboundMessage location = only("incoming-location.json");
        assertThat(location.kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(location.payload().get("location")).isEqualTo(Map.of("latitude", 59.9343, "longitude", 30.3351,
                "name", "Hotel Aurora", "address", "Nevsky 1, St Petersburg"));

        InboundMessage contact = only("incoming-contact.json");
        assertThat(contact.kind()).isEqualTo(MessageKind.CONTACT);
        assertThat(asMap(contact.payload().get("contact"))).containsEntry("name", "Boris Petrov")
                .containsEntry("phone", "+79009876543");

        InboundMessage button = only("incoming-button-reply.json");
        assertThat(button.kind()).isEqualTo(MessageKind.BUTTON);
        assertThat(button.text()).isEqualTo("bk_7QX2_ok");
        assertThat(button.payload()).containsEntry("data", "bk_7QX2_ok").containsEntry("title", "Approve")
                .containsEntry("messageId", "BAE5F4886F6F2D05");

        InboundMessage template = only("incoming-template-button-reply.json");
        assertThat(template.kind()).isEqualTo(MessageKind.BUTTON);
        assertThat(template.payload()).containsEntry("data", "bk_7QX2_no").containsEntry("title", "Reject");
    }

    @Test
    void statusesBecomeReceiptsKeyedByChatMessageAndStatus() {
        DeliveryReceipt delivered = (DeliveryReceipt) events("outgoing-status-delivered.json").get(0);
        assertThat(delivered.status()).isEqualTo(DeliveryReceipt.Status.DELIVERED);
        assertThat(delivered.providerMessageId()).isEqualTo("BAE5F4886F6F2D05");
        assertThat(delivered.dedupKey()).isEqualTo("outgoingMessageStatus:79001234568@c.us:BAE5F4886F6F2D05:delivered");

        DeliveryReceipt failed = (DeliveryReceipt) events("outgoing-status-failed.json").get(0);
        assertThat(failed.status()).isEqualTo(DeliveryReceipt.Status.FAILED);
        assertThat(failed.error()).contains("recipient's phone is unreachable");

        DeliveryReceipt noAccount = (DeliveryReceipt) events("outgoing-status-noaccount.json").get(0);
        assertThat(noAccount.status()).isEqualTo(DeliveryReceipt.Status.FAILED);
        assertThat(noAccount.error()).contains("no WhatsApp account");
    }

    @Test
    void aStateChangeSaysWhatToDo() {
        IntegrationStateChange change = (IntegrationStateChange) events("state-not-authorized.json").get(0);
        assertThat(change.operational()).isFalse();
        assertThat(change.state()).isEqualTo("notAuthorized");
        assertThat(change.detail()).contains("QR code");
    }

    @Test
    void theSameNotificationTwiceHasTheSameKeyAndOthersDiffer() {
        assertThat(only("incoming-text.json").dedupKey()).isEqualTo(only("incoming-text.json").dedupKey());
        String status = """
                {"typeWebhook": "outgoingMessageStatus", "chatId": "79001234568@c.us",
                 "instanceData": {"idInstance": 1101000001}, "timestamp": 1700000005,
                 "idMessage": "BAE5F4886F6F2D05", "status": "%s", "sendByApi": true}""";
        String sent = ((DeliveryReceipt) parse(status.formatted("sent")).get(0)).dedupKey();
        String read = ((DeliveryReceipt) parse(status.formatted("read")).get(0)).dedupKey();
        assertThat(sent).isNotEqualTo(read).doesNotContain("incomingMessageReceived");
        // the same idMessage in an incoming message is another delivery
        assertThat(sent).isNotEqualTo(only("incoming-text.json").dedupKey());
    }

    @Test
    void typesWeDoNotHandleAreAcknowledgedWithoutEvents() {
        assertThat(events("incoming-call.json")).isEmpty();
        assertThat(parse("{\"typeWebhook\": \"deviceInfo\", \"instanceData\": {\"idInstance\": 1101000001}}")).isEmpty();
        assertThat(parse("{\"typeWebhook\": \"stateInstanceChanged\", \"instanceData\": {\"idInstance\": 1101000001},"
                + " \"timestamp\": 1, \"stateInstance\": \"starting\"}")).isEmpty();
    }

    @Test
    void malformedBodiesAreRefused() {
        for (String body : new String[] {"{", "[]", "{}", "{\"typeWebhook\": \"incomingMessageReceived\"}",
                "{\"typeWebhook\": \"outgoingMessageStatus\", \"idMessage\": \"X\"}"}) {
            assertRejected(() -> parse(body), Reason.MALFORMED);
        }
    }

    private InboundMessage only(String fixture) {
        List<InboundEvent> events = events(fixture);
        assertThat(events).hasSize(1);
        return (InboundMessage) events.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> media(InboundMessage message) {
        return (Map<String, Object>) message.payload().get("media");
    }

    private List<InboundEvent> events(String fixture) {
        return webhook.parse(request(fixture(fixture), null));
    }

    private List<InboundEvent> parse(String body) {
        return webhook.parse(request(body.getBytes(StandardCharsets.UTF_8), null));
    }

    private static void assertRejected(Runnable call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    static WebhookRequest request(byte[] body, String authorization) {
        Map<String, List<String>> headers = authorization == null ? Map.of()
                : Map.of("authorization", List.of(authorization));
        return new WebhookRequest(URI.create("http://localhost/webhooks/greenapi/key"), headers, Map.of(), body);
    }

    static byte[] fixture(String name) {
        try (InputStream in = GreenApiWebhookTest.class.getResourceAsStream("/fixtures/greenapi/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
