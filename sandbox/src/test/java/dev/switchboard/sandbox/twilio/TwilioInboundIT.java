package dev.switchboard.sandbox.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Inbound webhooks: every field, signatures over the URL called, TwiML replies, fallback and connection overrides. */
class TwilioInboundIT extends TwilioITBase {

    @Test
    void anInboundTextIsPostedWithEveryFieldAndAVerifiableSignature() {
        String hook = receiver.url("/wa?tenant=7");
        twilio.setIncomingWebhook(account.sid(), SENDER, hook, null);

        String sid = twilio.injectInbound(account.sid(), ANN, SENDER, "Hello", "Ann");

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/wa").size() == 1);
        FormReceiver.Post post = receiver.received("/wa").get(0);
        assertThat(post.params()).containsEntry("MessageSid", sid).containsEntry("SmsMessageSid", sid)
                .containsEntry("SmsSid", sid).containsEntry("AccountSid", account.sid()).containsEntry("From", ANN)
                .containsEntry("To", SENDER).containsEntry("Body", "Hello").containsEntry("ProfileName", "Ann")
                .containsEntry("WaId", "5511900000001").containsEntry("NumMedia", "0")
                .containsEntry("NumSegments", "1").containsEntry("SmsStatus", "received")
                .containsEntry("MessageType", "text").containsEntry("ReferralNumMedia", "0")
                .containsEntry("ApiVersion", "2010-04-01");
        assertThat(post.signature()).isEqualTo(ExpectedSignature.of(account.authToken(), hook, post.params()));
        assertThat(post.userAgent()).isEqualTo("TwilioProxy/1.1");
        WebhookDelivery delivery = await().atMost(Duration.ofSeconds(3)).until(
                () -> twilio.inboundDeliveries(account.sid()), list -> !list.isEmpty()).get(0);
        assertThat(delivery.url()).isEqualTo(hook);
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.signature()).isEqualTo(post.signature());
        assertThat(delivery.responseBody()).contains("<Response/>");
        TwilioMessage message = twilio.message(sid);
        assertThat(message.direction()).isEqualTo("inbound");
        assertThat(message.status()).isEqualTo("received");
    }

    @Test
    void inboundFormsHaveEveryFieldOfTheDocumentedExample() {
        twilio.setIncomingWebhook(account.sid(), SENDER, receiver.url("/wa"), null);

        twilio.injectInbound(account.sid(), ANN, SENDER, "Hello", "Ann");

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/wa").size() == 1);
        assertThat(receiver.received("/wa").get(0).params().keySet())
                .containsExactlyInAnyOrderElementsOf(Fixtures.form("inbound-text.form").keySet());
    }

    @Test
    void mediaLocationAndButtonTapsCarryTheirFields() {
        twilio.setIncomingWebhook(account.sid(), SENDER, receiver.url("/wa"), null);

        twilio.injectMedia(account.sid(), ANN, SENDER, "Ann", "https://api.twilio.com/media/ME1", "image/jpeg", "menu");
        twilio.injectLocation(account.sid(), ANN, SENDER, "Ann", -23.55, -46.63, "Office", "Av. Paulista 1000");
        twilio.injectButtonTap(account.sid(), ANN, SENDER, "Ann", "Approve", "bk_7QX2_ok");

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/wa").size() == 3);
        Map<String, String> media = find("image").params();
        assertThat(media).containsEntry("NumMedia", "1").containsEntry("MediaUrl0", "https://api.twilio.com/media/ME1")
                .containsEntry("MediaContentType0", "image/jpeg").containsEntry("Body", "menu");
        Map<String, String> location = find("location").params();
        assertThat(location).containsEntry("Latitude", "-23.55").containsEntry("Longitude", "-46.63")
                .containsEntry("Label", "Office").containsEntry("Address", "Av. Paulista 1000");
        Map<String, String> button = find("button").params();
        assertThat(button).containsEntry("ButtonText", "Approve").containsEntry("ButtonPayload", "bk_7QX2_ok")
                .containsEntry("Body", "Approve");
        for (FormReceiver.Post post : receiver.received("/wa")) {
            assertThat(post.signature()).isEqualTo(ExpectedSignature.of(account.authToken(), receiver.url("/wa"),
                    post.params()));
        }
    }

    @Test
    void twimlMessagesAreSentBackAsReplies() {
        receiver.answer("/wa", post -> SandboxResponse.text(200, "text/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Thanks, Ann!</Message></Response>"));
        twilio.setIncomingWebhook(account.sid(), SENDER, receiver.url("/wa"), null);

        twilio.injectInbound(account.sid(), ANN, SENDER, "Hi", "Ann");

        TwilioMessage reply = await().atMost(Duration.ofSeconds(3)).until(() -> twilio.messages(account.sid()).stream()
                .filter(message -> message.direction().equals("outbound-reply")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(reply.from()).isEqualTo(SENDER);
        assertThat(reply.to()).isEqualTo(ANN);
        assertThat(reply.body()).isEqualTo("Thanks, Ann!");
        await().atMost(Duration.ofSeconds(3)).until(() -> twilio.message(reply.sid()).status().equals("read"));
        assertThat(twilio.inboundDeliveries(account.sid()).get(0).responseBody()).contains("Thanks, Ann!");
    }

    @Test
    void aNon2xxAnswerSendsTheFormToTheFallbackWithErrorCodeAndErrorUrl() {
        receiver.answerStatus("/primary", 500);
        String fallback = receiver.url("/fallback");
        twilio.setIncomingWebhook(account.sid(), SENDER, receiver.url("/primary"), fallback);

        String sid = twilio.injectInbound(account.sid(), ANN, SENDER, "Hi", "Ann");

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/fallback").size() == 1);
        FormReceiver.Post post = receiver.received("/fallback").get(0);
        assertThat(post.params()).containsEntry("MessageSid", sid).containsEntry("ErrorCode", "11200")
                .containsEntry("ErrorUrl", receiver.url("/primary"));
        assertThat(post.signature()).isEqualTo(ExpectedSignature.of(account.authToken(), fallback, post.params()));
        assertThat(receiver.received("/primary")).hasSize(1);
        List<WebhookDelivery> deliveries = await().atMost(Duration.ofSeconds(3))
                .until(() -> twilio.inboundDeliveries(account.sid()), list -> list.size() == 2);
        assertThat(deliveries.get(0).fallback()).isFalse();
        assertThat(deliveries.get(0).status()).isEqualTo(500);
        assertThat(deliveries.get(0).errorCode()).isEqualTo(11200);
        assertThat(deliveries.get(1).fallback()).isTrue();
        assertThat(deliveries.get(1).status()).isEqualTo(200);
    }

    @Test
    void aTimeoutAlsoGoesToTheFallback() {
        twilio.webhookTimeout(Duration.ofMillis(200));
        receiver.answer("/slow", post -> {
            sleep(800);
            return SandboxResponse.text(200, "text/xml", "<Response/>");
        });
        twilio.setIncomingWebhook(account.sid(), SENDER, receiver.url("/slow"), receiver.url("/fallback"));

        twilio.injectInbound(account.sid(), ANN, SENDER, "Hi", "Ann");

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/fallback").size() == 1);
        WebhookDelivery first = twilio.inboundDeliveries(account.sid()).get(0);
        assertThat(first.status()).isZero();
        assertThat(first.responseBody()).isNull();
        assertThat(first.errorCode()).isEqualTo(11200);
    }

    @Test
    void connectionOverrideFragmentsAreStrippedAndHonoured() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer("/flaky", post -> SandboxResponse.text(calls.incrementAndGet() < 3 ? 503 : 200, "text/xml",
                "<Response/>"));
        String configured = receiver.url("/flaky?x=1") + "#rc=3&rp=5xx&rt=2000";
        twilio.setIncomingWebhook(account.sid(), SENDER, configured, null);

        twilio.injectInbound(account.sid(), ANN, SENDER, "Hi", "Ann");

        List<WebhookDelivery> deliveries = await().atMost(Duration.ofSeconds(3))
                .until(() -> twilio.inboundDeliveries(account.sid()), list -> list.size() == 3);
        assertThat(deliveries).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(503, 503, 200);
        assertThat(deliveries).allSatisfy(delivery -> assertThat(delivery.url()).isEqualTo(receiver.url("/flaky?x=1")));
        FormReceiver.Post post = receiver.received("/flaky").get(2);
        assertThat(post.query()).isEqualTo("x=1");
        assertThat(post.signature()).isEqualTo(ExpectedSignature.of(account.authToken(), receiver.url("/flaky?x=1"),
                post.params()));
    }

    @Test
    void withoutOverridesAnErrorStatusIsNotRetried() {
        receiver.answerStatus("/wa", 502);
        twilio.setIncomingWebhook(account.sid(), SENDER, receiver.url("/wa"), null);

        twilio.injectInbound(account.sid(), ANN, SENDER, "Hi", "Ann");

        await().atMost(Duration.ofSeconds(3)).until(() -> twilio.inboundDeliveries(account.sid()).size() == 1);
        sleep(200);
        assertThat(receiver.received("/wa")).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetriedOnceThenFallsBack() {
        String dead;
        try (FormReceiver gone = new FormReceiver()) {
            dead = gone.url("/wa");
        }
        twilio.setIncomingWebhook(account.sid(), SENDER, dead, receiver.url("/fallback"));

        twilio.injectInbound(account.sid(), ANN, SENDER, "Hi", "Ann");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received("/fallback").size() == 1);
        List<WebhookDelivery> deliveries = twilio.inboundDeliveries(account.sid());
        assertThat(deliveries.subList(0, 2)).extracting(WebhookDelivery::errorCode).containsOnly(11205);
        assertThat(receiver.received("/fallback").get(0).params()).containsEntry("ErrorCode", "11205");
    }

    @Test
    void inboundForAnUnregisteredSenderIsATestMistake() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> twilio.injectInbound(account.sid(), ANN,
                "whatsapp:+14155550000", "Hi", "Ann")).isInstanceOf(IllegalArgumentException.class);
    }

    private FormReceiver.Post find(String messageType) {
        return receiver.received("/wa").stream().filter(post -> messageType.equals(post.params().get("MessageType")))
                .findFirst().orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
