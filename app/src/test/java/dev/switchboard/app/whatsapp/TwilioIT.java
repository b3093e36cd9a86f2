package dev.switchboard.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.LogCapture;
import dev.switchboard.sandbox.twilio.Account;
import dev.switchboard.sandbox.twilio.CallbackDelivery;
import dev.switchboard.sandbox.twilio.TwilioMessage;
import dev.switchboard.sandbox.twilio.WebhookDelivery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Twilio's WhatsApp channel end to end: connect, every kind in and out, receipts, the 24-hour window, signatures. */
class TwilioIT extends WhatsAppIT {

    @Test
    void goodCredentialsConnectAndTheAnswerSaysWhatToPasteIntoTwilio() {
        try (LogCapture logs = LogCapture.open()) {
            TwilioConnected connected = connectTwilio("t_connect", "none");
            String token = connected.account().authToken();
            JsonNode view = connected.view();

            assertThat(view.path("status").asString()).isEqualTo("active");
            assertThat(view.path("operational").asBoolean()).isTrue();
            assertThat(view.path("webhookUrl").asString()).startsWith(baseUrl() + "/webhooks/twilio/");
            assertThat(view.path("statusCallbackUrl").asString()).isEqualTo(view.path("webhookUrl").asString() + "/status");
            assertThat(view.path("settings").path("whatsappNumber").asString()).isEqualTo(connected.number());
            assertThat(view.path("credentialsHint").asString()).isEqualTo("…" + token.substring(token.length() - 4));

            Api.Response test = connected.api().post("/api/v1/integrations/" + connected.integrationId() + "/test", null);
            assertThat(test.json().path("ok").asBoolean()).as(test.body()).isTrue();
            assertThat(test.json().path("details").path("accountStatus").asString()).isEqualTo("active");
            assertThat(test.json().path("details").path("statusCallbackUrl").asString())
                    .isEqualTo(view.path("statusCallbackUrl").asString());

            String guest = randomNumber("+5511");
            twilio.injectInbound(connected.account().sid(), "whatsapp:" + guest, connected.sender(), "hi", "Ann");
            eventually(() -> assertThat(messagesOfChat(connected.api(), connected.integrationId(), guest)).hasSize(1));
            send(connected.api(), connected.integrationId(), Map.of("to", guest, "text", "hello"));
            eventually(() -> assertThat(outbound(connected)).hasSize(1));

            for (String body : List.of(view.toString(), test.body(), connected.api().get("/api/v1/integrations").body())) {
                assertThat(body).doesNotContain(token);
            }
            assertThat(logs.linesContaining(token)).isEmpty();
        }
    }

    @Test
    void refusedCredentialsAre422WithTheReasonAndStoreNothing() {
        TestTenant tenant = newTenant("t_refused");
        Account account = twilio.createAccount();
        String number = randomNumber("+1415");

        try (LogCapture logs = LogCapture.open()) {
            Api.Response wrongToken = create(tenant, account.sid(), "0".repeat(32), number);
            assertThat(wrongToken.status()).as(wrongToken.body()).isEqualTo(422);
            assertThat(wrongToken.json().path("detail").asString()).contains("Twilio rejected the Account SID or Auth Token");
            assertThat(create(tenant, "AC123", account.authToken(), number).json().path("detail").asString())
                    .contains("credentials.accountSid");
            Api.Response badNumber = create(tenant, account.sid(), account.authToken(), "14155238886");
            assertThat(badNumber.status()).isEqualTo(422);
            assertThat(badNumber.json().path("detail").asString()).contains("credentials.whatsappNumber");
            assertThat(badNumber.body()).doesNotContain(account.authToken());
            assertThat(logs.linesContaining(account.authToken())).isEmpty();
        }
        Api.Response missing = tenant.api().post("/api/v1/integrations", Map.of("type", "twilio", "name", "x",
                "credentials", Map.of("accountSid", account.sid())));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(tenant.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
    }

    private Api.Response create(TestTenant tenant, String sid, String token, String number) {
        return tenant.api().post("/api/v1/integrations", Map.of("type", "twilio", "name", "x",
                "credentials", Map.of("accountSid", sid, "authToken", token, "whatsappNumber", number)));
    }

    @Test
    void credentialsAreReplacedOnlyAfterTwilioAcceptsThem() {
        TwilioConnected connected = connectTwilio("t_replace", "none");
        String path = "/api/v1/integrations/" + connected.integrationId();
        Account next = twilio.createAccount();
        String sender = randomNumber("+1650");
        twilio.registerSender(next.sid(), "whatsapp:" + sender);

        Api.Response refused = connected.api().put(path + "/credentials", Map.of("credentials", Map.of(
                "accountSid", next.sid(), "authToken", connected.account().authToken(), "whatsappNumber", sender)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(connected.api().get(path).json().path("settings").path("whatsappNumber").asString())
                .isEqualTo(connected.number());

        Api.Response replaced = connected.api().put(path + "/credentials", Map.of("credentials", Map.of(
                "accountSid", next.sid(), "authToken", next.authToken(), "whatsappNumber", sender)));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("settings").path("whatsappNumber").asString()).isEqualTo(sender);
        assertThat(replaced.text("id")).isEqualTo(connected.integrationId());
    }

    @Test
    void everyOutboundKindGoesThroughTheMessagesApi() {
        TwilioConnected connected = connectTwilio("t_out", "none");
        String guest = openChat(connected);

        send(connected.api(), connected.integrationId(), Map.of("to", guest, "text", "Welcome to Aurora"));
        send(connected.api(), connected.integrationId(), Map.of("to", digits(guest) + "@c.us", "media", Map.of(
                "url", "https://files.example/menu.pdf", "caption", "Our menu")));
        send(connected.api(), connected.integrationId(), Map.of("to", guest, "location", Map.of("latitude", 59.9343,
                "longitude", 30.3351, "name", "Hotel Aurora", "address", "Nevsky 1")));
        send(connected.api(), connected.integrationId(), Map.of("to", guest, "contact", Map.of("name", "Front desk",
                "phone", "+79001112233")));
        send(connected.api(), connected.integrationId(), Map.of("to", "whatsapp:" + guest, "text", "Table at 8?",
                "buttons", List.of(Map.of("id", "ok", "title", "Approve"), Map.of("id", "no", "title", "Reject"))));

        eventually(() -> assertThat(outbound(connected)).hasSize(5));
        List<TwilioMessage> sent = outbound(connected);
        assertThat(sent).allSatisfy(message -> {
            assertThat(message.to()).isEqualTo("whatsapp:" + guest);
            assertThat(message.from()).isEqualTo(connected.sender());
            assertThat(message.statusCallback()).isEqualTo(connected.view().path("statusCallbackUrl").asString());
            assertThat(message.createAttempts()).isEqualTo(1);
        });
        Map<String, TwilioMessage> byBody = sent.stream().collect(Collectors.toMap(TwilioMessage::body, m -> m));
        assertThat(byBody).containsKeys("Welcome to Aurora", "Our menu", "Hotel Aurora, Nevsky 1",
                "Front desk: +79001112233", "Table at 8?\n\n1 — Approve\n2 — Reject");
        assertThat(byBody.get("Our menu").mediaUrls()).containsExactly("https://files.example/menu.pdf");
        assertThat(byBody.get("Welcome to Aurora").mediaUrls()).isEmpty();
    }

    @Test
    void receiptsMoveAMessageToReadAndTheClosedWindowIsExplainedNotRetried() {
        TwilioConnected connected = connectTwilio("t_receipts", "none");
        String guest = openChat(connected);

        Api.Response read = send(connected.api(), connected.integrationId(), Map.of("to", guest, "text", "Room ready"));
        eventually(() -> {
            JsonNode message = message(connected.api(), read);
            assertThat(message.path("status").asString()).isEqualTo("read");
            assertThat(message.path("readAt").isNull()).isFalse();
            assertThat(message.path("providerMessageId").asString()).startsWith("SM");
        });
        assertThat(twilio.statusCallbacks(connected.account().sid())).extracting(CallbackDelivery::status)
                .containsOnly(200);

        Api.Response outside = send(connected.api(), connected.integrationId(), Map.of("to", randomNumber("+5512"),
                "text", "Promotion!"));
        eventually(() -> {
            JsonNode message = message(connected.api(), outside);
            assertThat(message.path("status").asString()).isEqualTo("failed");
            assertThat(message.path("error").asString()).startsWith("outside the 24-hour window: a template is needed");
            assertThat(message.path("attempts").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aFailedCallbackFailsTheMessageWithTwiliosReason() {
        TwilioConnected connected = connectTwilio("t_failed", "none");
        String guest = openChat(connected);
        twilio.statusTimeline(Duration.ofSeconds(30), Duration.ofSeconds(40), Duration.ofSeconds(50));
        try {
            Api.Response queued = send(connected.api(), connected.integrationId(), Map.of("to", guest, "text", "Hello"));
            eventually(() -> assertThat(message(connected.api(), queued).path("providerMessageId").asString())
                    .startsWith("SM"));

            twilio.failMessage(message(connected.api(), queued).path("providerMessageId").asString(), 30003);

            eventually(() -> {
                JsonNode message = message(connected.api(), queued);
                assertThat(message.path("status").asString()).isEqualTo("failed");
                assertThat(message.path("error").asString()).contains("Unreachable destination handset").contains("30003");
            });
        } finally {
            twilio.statusTimeline(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3));
        }
    }

    @Test
    void duplicatedAndReorderedCallbacksEndInRead() {
        TwilioConnected connected = connectTwilio("t_quirks", "none");
        String guest = openChat(connected);
        twilio.duplicateCallbacks(true);
        twilio.outOfOrderCallbacks(true);
        try {
            Api.Response queued = send(connected.api(), connected.integrationId(), Map.of("to", guest, "text", "Hi"));
            eventually(() -> assertThat(twilio.statusCallbacks(connected.account().sid()))
                    .extracting(CallbackDelivery::messageStatus).containsExactly("sent", "sent", "read", "read",
                            "delivered", "delivered"));
            eventually(() -> assertThat(message(connected.api(), queued).path("status").asString()).isEqualTo("read"));
            assertThat(twilio.statusCallbacks(connected.account().sid())).extracting(CallbackDelivery::status)
                    .containsOnly(200);
        } finally {
            twilio.duplicateCallbacks(false);
            twilio.outOfOrderCallbacks(false);
        }
    }

    @Test
    void everyInboundKindIsStoredWithItsContentAndAnsweredWithEmptyTwiml() {
        TwilioConnected connected = connectTwilio("t_in", "none");
        String sid = connected.account().sid();
        String guest = randomNumber("+5513");
        String from = "whatsapp:" + guest;

        twilio.injectInbound(sid, from, connected.sender(), "Is breakfast included?", "Ann");
        twilio.injectMedia(sid, from, connected.sender(), "Ann", "https://media.example/room.jpg", "image/jpeg",
                "our room");
        twilio.injectLocation(sid, from, connected.sender(), "Ann", 59.9343, 30.3351, "Hotel Aurora", "Nevsky 1");
        twilio.injectButtonTap(sid, from, connected.sender(), "Ann", "Approve", "bk_7QX2_ok");

        eventually(() -> assertThat(messagesOfChat(connected.api(), connected.integrationId(), guest)).hasSize(4));
        Map<String, JsonNode> byKind = messagesOfChat(connected.api(), connected.integrationId(), guest).stream()
                .collect(Collectors.toMap(m -> m.path("kind").asString(), m -> m));
        assertThat(byKind.keySet()).containsExactlyInAnyOrder("text", "photo", "location", "button");
        assertThat(byKind.get("text").path("text").asString()).isEqualTo("Is breakfast included?");
        assertThat(byKind.get("photo").path("text").asString()).isEqualTo("our room");
        assertThat(byKind.get("photo").path("payload").path("media").path("url").asString())
                .isEqualTo("https://media.example/room.jpg");
        assertThat(byKind.get("photo").path("payload").path("media").path("mimeType").asString()).isEqualTo("image/jpeg");
        JsonNode location = byKind.get("location").path("payload").path("location");
        assertThat(location.path("latitude").asDouble()).isEqualTo(59.9343);
        assertThat(location.path("longitude").asDouble()).isEqualTo(30.3351);
        assertThat(location.path("name").asString()).isEqualTo("Hotel Aurora");
        assertThat(byKind.get("button").path("text").asString()).isEqualTo("bk_7QX2_ok");
        assertThat(byKind.get("button").path("payload").path("title").asString()).isEqualTo("Approve");
        assertThat(twilio.inboundDeliveries(sid)).hasSize(4).allSatisfy(delivery -> {
            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.responseBody()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        });
        JsonNode person = connected.api().get("/api/v1/contacts").json().path("items").get(0);
        assertThat(person.path("displayName").asString()).isEqualTo("Ann");
        assertThat(person.path("phone").asString()).isEqualTo(guest);
    }

    @Test
    void forgedSignaturesAlteredParametersAndOtherUrlsAre401AndStoreNothing() {
        TwilioConnected connected = connectTwilio("t_forged", "none");
        String sid = connected.account().sid();
        String guest = randomNumber("+5514");
        twilio.badSignatures(true);
        try {
            twilio.injectInbound(sid, "whatsapp:" + guest, connected.sender(), "forged", "Eve");
            eventually(() -> assertThat(twilio.inboundDeliveries(sid)).extracting(WebhookDelivery::status)
                    .containsExactly(401));
        } finally {
            twilio.badSignatures(false);
        }
        assertThat(messagesOfChat(connected.api(), connected.integrationId(), guest)).isEmpty();

        twilio.injectInbound(sid, "whatsapp:" + guest, connected.sender(), "genuine", "Ann");
        eventually(() -> assertThat(messagesOfChat(connected.api(), connected.integrationId(), guest)).hasSize(1));
        WebhookDelivery genuine = twilio.inboundDeliveries(sid).get(1);
        String path = connected.view().path("webhookUrl").asString().substring(baseUrl().length());

        Map<String, String> altered = new LinkedHashMap<>(genuine.params());
        altered.put("Body", "genuine, and send me the safe code");
        assertThat(post(path, altered, genuine.signature()).status()).isEqualTo(401);
        Map<String, String> added = new LinkedHashMap<>(genuine.params());
        added.put("MessageSid", "SM" + "0".repeat(32));
        assertThat(post(path, added, genuine.signature()).status()).isEqualTo(401);
        assertThat(post(path + "/status", genuine.params(), genuine.signature()).status()).isEqualTo(401);
        TwilioConnected other = connectTwilio("t_forged_other", "none");
        String otherPath = other.view().path("webhookUrl").asString().substring(baseUrl().length());
        assertThat(post(otherPath, genuine.params(), genuine.signature()).status()).isEqualTo(401);
        assertThat(post(path, genuine.params(), null).status()).isEqualTo(401);

        Api.Response replay = post(path, genuine.params(), genuine.signature());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.contentType()).startsWith("text/xml");
        awaitEmptyInbox(connected.tenant().id());
        assertThat(inInbox(other.tenant().id())).isZero();
        assertThat(messagesOfChat(connected.api(), connected.integrationId(), guest))
                .extracting(m -> m.path("text").asString()).containsExactly("genuine");
        assertThat(integration(other.api(), other.integrationId()).path("messagesReceived").asLong()).isZero();
    }

    private Api.Response post(String path, Map<String, String> params, String signature) {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return anonymous().postRaw(path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8),
                signature == null ? Map.of() : Map.of("X-Twilio-Signature", signature));
    }

    /** The guest writes first: WhatsApp's 24-hour window opens for free-form replies. */
    private String openChat(TwilioConnected connected) {
        String guest = randomNumber("+5515");
        twilio.injectInbound(connected.account().sid(), "whatsapp:" + guest, connected.sender(), "hello", "Guest");
        eventually(() -> assertThat(messagesOfChat(connected.api(), connected.integrationId(), guest)).hasSize(1));
        return guest;
    }

    private List<TwilioMessage> outbound(TwilioConnected connected) {
        return twilio.messages(connected.account().sid()).stream()
                .filter(m -> m.direction().equals("outbound-api")).toList();
    }
}
