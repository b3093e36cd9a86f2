package dev.switchboard.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.SendTimes;
import dev.switchboard.sandbox.greenapi.GreenCall;
import dev.switchboard.sandbox.greenapi.GreenDelivery;
import dev.switchboard.sandbox.greenapi.GreenSent;
import dev.switchboard.sandbox.greenapi.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Green API through the whole pipeline: every kind in and out, receipts, redeliveries, forgeries, polling. */
class GreenApiPipelineIT extends WhatsAppIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyOutboundKindReachesGreenApiAsItsMethodWithItsFields() {
        GreenConnected connected = connectGreen("g_out", "webhook", "none");
        long id = connected.instance().idInstance();
        String guest = randomNumber("+7900");
        green.registerWhatsAppUser(digits(guest));
        String chat = digits(guest) + "@c.us";

        send(connected.api(), connected.integrationId(), Map.of("to", guest, "text", "Welcome to Aurora"));
        send(connected.api(), connected.integrationId(), Map.of("to", chat, "media", Map.of(
                "url", "https://files.example/menu.pdf", "caption", "Our menu")));
        send(connected.api(), connected.integrationId(), Map.of("to", guest, "location", Map.of("latitude", 59.9343,
                "longitude", 30.3351, "name", "Hotel Aurora", "address", "Nevsky 1")));
        send(connected.api(), connected.integrationId(), Map.of("to", guest, "contact", Map.of("name", "Front desk",
                "phone", "+79001112233")));
        Api.Response buttons = send(connected.api(), connected.integrationId(), Map.of("to", guest,
                "text", "Table for two at 8?", "buttons", List.of(Map.of("id", "bk_ok", "title", "Approve"),
                        Map.of("id", "bk_no", "title", "Reject"))));

        eventually(() -> assertThat(green.sent(id)).hasSize(5));
        Map<String, GreenSent> byMethod = green.sent(id).stream()
                .collect(Collectors.toMap(GreenSent::method, s -> s));
        assertThat(byMethod.keySet()).containsExactlyInAnyOrder("sendMessage", "sendFileByUrl", "sendLocation",
                "sendContact", "sendInteractiveButtonsReply");
        assertThat(byMethod.values()).extracting(GreenSent::chatId).containsOnly(chat);
        assertThat(byMethod.get("sendMessage").body()).containsEntry("message", "Welcome to Aurora");
        assertThat(byMethod.get("sendFileByUrl").body()).containsEntry("urlFile", "https://files.example/menu.pdf")
                .containsEntry("fileName", "menu.pdf").containsEntry("caption", "Our menu");
        assertThat(byMethod.get("sendLocation").body()).containsEntry("latitude", 59.9343)
                .containsEntry("longitude", 30.3351).containsEntry("nameLocation", "Hotel Aurora")
                .containsEntry("address", "Nevsky 1");
        assertThat(byMethod.get("sendContact").body().get("contact"))
                .isEqualTo(Map.of("phoneContact", 79001112233L, "firstName", "Front desk"));
        assertThat(byMethod.get("sendInteractiveButtonsReply").body()).containsEntry("body", "Table for two at 8?")
                .containsEntry("buttons", List.of(Map.of("buttonId", "bk_ok", "buttonText", "Approve"),
                        Map.of("buttonId", "bk_no", "buttonText", "Reject")));
        eventually(() -> assertThat(message(connected.api(), buttons).path("providerMessageId").asString())
                .isEqualTo(byMethod.get("sendInteractiveButtonsReply").idMessage()));
        assertThat(green.calls(id)).extracting(GreenCall::tokenValid).containsOnly(true);

        Api.Response badRecipient = connected.api().post("/api/v1/messages", Map.of("integrationId",
                connected.integrationId(), "to", "89001234567", "text", "hi"));
        assertThat(badRecipient.status()).isEqualTo(400);
        assertThat(badRecipient.json().path("errors").get(0).path("field").asString()).isEqualTo("to");
        assertThat(badRecipient.json().path("detail").asString()).contains("E.164");
    }

    @Test
    void anInstanceThatRefusesButtonsGetsNumberedText() {
        GreenConnected connected = connectGreen("g_fallback", "webhook", "none");
        long id = connected.instance().idInstance();
        green.interactiveButtonsForbidden(id, true);
        String guest = randomNumber("+7901");
        green.registerWhatsAppUser(digits(guest));

        Api.Response queued = send(connected.api(), connected.integrationId(), Map.of("to", guest,
                "text", "Table for two at 8?", "buttons", List.of(Map.of("id", "bk_ok", "title", "Approve"),
                        Map.of("id", "bk_no", "title", "Reject"))));

        eventually(() -> assertThat(message(connected.api(), queued).path("status").asString()).isIn("sent",
                "delivered", "read"));
        assertThat(green.sent(id)).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo("sendMessage");
            assertThat(sent.body()).containsEntry("message", "Table for two at 8?\n\n1 — Approve\n2 — Reject");
        });
        assertThat(green.calls(id)).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("sendInteractiveButtonsReply");
            assertThat(call.status()).isEqualTo(403);
        });
        assertThat(message(connected.api(), queued).path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void everyInboundKindIsStoredWithItsContent() {
        GreenConnected connected = connectGreen("g_in", "webhook", "none");
        long id = connected.instance().idInstance();
        String from = digits(randomNumber("+7902"));

        green.injectText(id, from, "Ann", "Is breakfast included?");
        green.injectExtendedText(id, from, "Ann", "see https://aurora.example", "Aurora", "Our hotel");
        green.injectFile(id, from, "Ann", "imageMessage", "room.jpg", "image/jpeg", "our room");
        green.injectFile(id, from, "Ann", "documentMessage", "passport.pdf", "application/pdf", null);
        green.injectFile(id, from, "Ann", "audioMessage", "voice.ogg", "audio/ogg; codecs=opus", null);
        green.injectLocation(id, from, "Ann", 59.9343, 30.3351, "Hotel Aurora", "Nevsky 1");
        green.injectContact(id, from, "Ann", "Boris Petrov",
                "BEGIN:VCARD\nVERSION:3.0\nFN:Boris Petrov\nTEL;type=CELL;waid=79009876543:+7 900 987-65-43\nEND:VCARD");
        green.injectButtonReply(id, from, "Ann", "bk_ok", "Approve", "BAE5F4886F6F2D05");
        green.injectTemplateButtonReply(id, from, "Ann", "bk_no", "Reject", 1, "BAE5F4886F6F2D05");

        eventually(() -> assertThat(messagesOfChat(connected.api(), connected.integrationId(), from + "@c.us"))
                .hasSize(9));
        List<JsonNode> messages = messagesOfChat(connected.api(), connected.integrationId(), from + "@c.us");
        assertThat(messages).extracting(m -> m.path("kind").asString()).containsExactly("text", "text", "photo",
                "document", "voice", "location", "contact", "button", "button");
        assertThat(messages.get(0).path("text").asString()).isEqualTo("Is breakfast included?");
        assertThat(messages.get(1).path("text").asString()).isEqualTo("see https://aurora.example");
        assertThat(messages.get(1).path("payload").path("linkPreview").path("title").asString()).isEqualTo("Aurora");
        JsonNode photo = messages.get(2);
        assertThat(photo.path("text").asString()).isEqualTo("our room");
        assertThat(photo.path("payload").path("media").path("url").asString()).startsWith(green.apiUrl())
                .endsWith(".jpg");
        assertThat(photo.path("payload").path("media").path("fileName").asString()).isEqualTo("room.jpg");
        assertThat(messages.get(3).path("payload").path("media").path("fileName").asString()).isEqualTo("passport.pdf");
        assertThat(messages.get(4).path("payload").path("media").path("mimeType").asString()).startsWith("audio/ogg");
        JsonNode location = messages.get(5).path("payload").path("location");
        assertThat(location.path("latitude").asDouble()).isEqualTo(59.9343);
        assertThat(location.path("longitude").asDouble()).isEqualTo(30.3351);
        assertThat(location.path("name").asString()).isEqualTo("Hotel Aurora");
        JsonNode contact = messages.get(6).path("payload").path("contact");
        assertThat(contact.path("name").asString()).isEqualTo("Boris Petrov");
        assertThat(contact.path("phone").asString()).isEqualTo("+79009876543");
        assertThat(messages.get(7).path("text").asString()).isEqualTo("bk_ok");
        assertThat(messages.get(7).path("payload").path("title").asString()).isEqualTo("Approve");
        assertThat(messages.get(7).path("payload").path("messageId").asString()).isEqualTo("BAE5F4886F6F2D05");
        assertThat(messages.get(8).path("payload").path("data").asString()).isEqualTo("bk_no");
        JsonNode person = connected.api().get("/api/v1/contacts").json().path("items").get(0);
        assertThat(person.path("displayName").asString()).isEqualTo("Ann");
        assertThat(person.path("phone").asString()).isEqualTo("+" + from);
        assertThat(integration(connected.api(), connected.integrationId()).path("messagesReceived").asLong())
                .isEqualTo(9);
    }

    @Test
    void anEchoedMessageGoesBackThroughTheSameInstance() {
        GreenConnected connected = connectGreen("g_echo", "webhook", "echo");
        long id = connected.instance().idInstance();
        String from = digits(randomNumber("+7903"));

        green.injectText(id, from, "Ann", "Do you have parking?");

        eventually(() -> assertThat(green.sent(id)).singleElement().satisfies(sent -> {
            assertThat(sent.chatId()).isEqualTo(from + "@c.us");
            assertThat(sent.body()).containsEntry("message", "Do you have parking?");
        }));
        eventually(() -> assertThat(messagesOfChat(connected.api(), connected.integrationId(), from + "@c.us"))
                .extracting(m -> m.path("direction").asString() + ":" + m.path("status").asString())
                .containsExactly("in:received", "out:read"));
    }

    @Test
    void receiptsMoveAMessageToReadAndFailuresCarryTheirReason() {
        GreenConnected connected = connectGreen("g_receipts", "webhook", "none");
        long id = connected.instance().idInstance();
        String guest = randomNumber("+7904");
        green.registerWhatsAppUser(digits(guest));

        Api.Response read = send(connected.api(), connected.integrationId(), Map.of("to", guest, "text", "Your room is ready"));
        eventually(() -> {
            JsonNode message = message(connected.api(), read);
            assertThat(message.path("status").asString()).isEqualTo("read");
            assertThat(message.path("deliveredAt").isNull()).isFalse();
            assertThat(message.path("readAt").isNull()).isFalse();
        });
        assertThat(green.deliveries(id)).filteredOn(d -> d.typeWebhook().equals("outgoingMessageStatus"))
                .extracting(GreenDelivery::status).containsOnly(200).hasSize(3);

        Api.Response nobody = send(connected.api(), connected.integrationId(), Map.of("to", randomNumber("+7905"),
                "text", "Hello?"));
        eventually(() -> {
            JsonNode message = message(connected.api(), nobody);
            assertThat(message.path("status").asString()).isEqualTo("failed");
            assertThat(message.path("error").asString()).contains("no WhatsApp account");
        });

        green.setState(id, "starting"); // sends are accepted and wait in the instance's queue
        Api.Response doomed = send(connected.api(), connected.integrationId(), Map.of("to", guest, "text", "See you"));
        eventually(() -> assertThat(message(connected.api(), doomed).path("providerMessageId").asString()).isNotEmpty());
        green.failMessage(message(connected.api(), doomed).path("providerMessageId").asString(), "failed",
                "the phone is switched off");
        green.setState(id, "authorized");
        eventually(() -> {
            JsonNode message = message(connected.api(), doomed);
            assertThat(message.path("status").asString()).isEqualTo("failed");
            assertThat(message.path("error").asString()).contains("the phone is switched off");
        });
    }

    @Test
    void receiptsThatArriveBeforeTheSendIsRecordedAreNotLost() {
        Instance instance = green.createInstance();
        // Green API queues, sends and reports the message while its answer to sendMessage is still on its way
        try (ForwardingProxy slow = ForwardingProxy.slowing(green::apiUrl, path -> path.contains("/sendMessage/"),
                Duration.ofMillis(4500))) {
            TestTenant tenant = newTenant("g_early");
            setAgent(tenant, "none");
            Map<String, Object> credentials = greenCredentials(instance);
            credentials.put("apiUrl", slow.url());
            Api.Response created = tenant.api().post("/api/v1/integrations", Map.of("type", "greenapi", "name", "x",
                    "credentials", credentials, "settings", Map.of("mode", "webhook")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String guest = randomNumber("+7906");
            green.registerWhatsAppUser(digits(guest));

            Api.Response queued = send(tenant.api(), created.text("id"), Map.of("to", guest, "text", "Early birds"));

            eventually(() -> assertThat(green.deliveries(instance.idInstance()))
                    .filteredOn(d -> d.typeWebhook().equals("outgoingMessageStatus") && d.delivered()).hasSize(3));
            JsonNode meanwhile = message(tenant.api(), queued);
            assertThat(meanwhile.path("status").asString()).isEqualTo("sending");
            assertThat(meanwhile.path("providerMessageId").isNull()).isTrue();

            eventually(() -> {
                JsonNode message = message(tenant.api(), queued);
                assertThat(message.path("providerMessageId").asString())
                        .isEqualTo(green.sent(instance.idInstance()).get(0).idMessage());
                assertThat(message.path("status").asString()).isEqualTo("read");
            });
        }
    }

    @Test
    void aRedeliveredNotificationIsStoredOnce() {
        GreenConnected connected = connectGreen("g_redeliver", "webhook", "none");
        long id = connected.instance().idInstance();
        String from = digits(randomNumber("+7907"));
        String idMessage = green.injectText(id, from, "Ann", "only once");
        eventually(() -> assertThat(messagesOfChat(connected.api(), connected.integrationId(), from + "@c.us")).hasSize(1));

        green.redeliverLast(id);
        green.redeliverLast(id);

        eventually(() -> assertThat(green.deliveries(id)).filteredOn(d -> idMessage.equals(d.idMessage()))
                .extracting(GreenDelivery::status).containsExactly(200, 200, 200));
        awaitEmptyInbox(connected.tenant().id());
        assertThat(messagesOfChat(connected.api(), connected.integrationId(), from + "@c.us")).hasSize(1);
        assertThat(integration(connected.api(), connected.integrationId()).path("messagesReceived").asLong()).isEqualTo(1);
    }

    /**
     * Green API hears 200 once the notification is in the inbox; if the tenant's store then fails,
     * the notification waits there (nothing lost, nothing half-stored) and is stored, once, when
     * the store works again.
     */
    @Test
    void aNotificationThatFailsToStoreWaitsInTheInboxAndIsStoredWhenTheStoreRecovers() {
        GreenConnected connected = connectGreen("g_retry", "webhook", "none");
        long id = connected.instance().idInstance();
        String schema = "t_" + connected.tenant().slug();
        String waiting = "SELECT count(*) FROM public.inbox WHERE tenant_id = '" + connected.tenant().id()
                + "'::uuid AND attempts >= 1";
        jdbc.execute("CREATE FUNCTION " + schema + ".refuse_insert() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'storage is failing (test)'; END $$");
        jdbc.execute("CREATE TRIGGER refuse_insert BEFORE INSERT ON " + schema + ".message FOR EACH ROW "
                + "EXECUTE FUNCTION " + schema + ".refuse_insert()");
        String from = digits(randomNumber("+7908"));
        String idMessage;
        try {
            idMessage = green.injectText(id, from, "Ann", "stored at last");
            eventually(() -> assertThat(jdbc.queryForObject(waiting, Long.class)).isEqualTo(1));
            assertThat(messagesOfChat(connected.api(), connected.integrationId(), from + "@c.us")).isEmpty();
        } finally {
            jdbc.execute("DROP TRIGGER refuse_insert ON " + schema + ".message");
        }

        eventually(() -> assertThat(messagesOfChat(connected.api(), connected.integrationId(), from + "@c.us"))
                .extracting(m -> m.path("text").asString()).containsExactly("stored at last"));
        assertThat(jdbc.queryForObject(waiting, Long.class)).isZero();
        assertThat(green.deliveries(id)).filteredOn(d -> idMessage.equals(d.idMessage()))
                .extracting(GreenDelivery::status).containsExactly(200);
    }

    @Test
    void forgedNotificationsAre401AndStoreNothing() {
        GreenConnected connected = connectGreen("g_forged", "webhook", "none");
        GreenConnected other = connectGreen("g_forged_other", "webhook", "none");
        String token = (String) green.settings(connected.instance().idInstance()).get("webhookUrlToken");
        String otherToken = (String) green.settings(other.instance().idInstance()).get("webhookUrlToken");
        String ours = notification(connected.instance().idInstance(), "3EB0AAAAAAAAAAA1", "forged?");

        assertThat(post(connected, ours, null).status()).isEqualTo(401);
        assertThat(post(connected, ours, "Bearer wrong-token").status()).isEqualTo(401);
        assertThat(post(connected, ours, "Bearer " + otherToken).status()).isEqualTo(401);
        assertThat(post(connected, ours, "Bearer " + token.substring(1)).status()).isEqualTo(401);
        assertThat(post(connected, notification(other.instance().idInstance(), "3EB0AAAAAAAAAAA2", "other"),
                "Bearer " + token).status()).isEqualTo(401);
        assertThat(anonymous().postRaw(connected.webhookPath() + "/extra", "application/json",
                ours.getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Bearer " + token)).status())
                .isEqualTo(404);
        assertThat(post(connected, "{\"typeWebhook\": ", "Bearer " + token).status()).isEqualTo(400);
        assertThat(inInbox(connected.tenant().id())).isZero();
        assertThat(integration(connected.api(), connected.integrationId()).path("messagesReceived").asLong()).isZero();

        assertThat(post(connected, ours, token).status()).isEqualTo(200); // the bare token, as some set-ups send it
        assertThat(post(connected, ours, "Bearer " + token).status()).isEqualTo(200);
        awaitEmptyInbox(connected.tenant().id());
        assertThat(integration(connected.api(), connected.integrationId()).path("messagesReceived").asLong()).isEqualTo(1);
        assertThat(integration(other.api(), other.integrationId()).path("messagesReceived").asLong()).isZero();
    }

    private Api.Response post(GreenConnected connected, String body, String authorization) {
        return anonymous().postRaw(connected.webhookPath(), "application/json", body.getBytes(StandardCharsets.UTF_8),
                authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    private static String notification(long idInstance, String idMessage, String text) {
        return """
                {"typeWebhook": "incomingMessageReceived",
                 "instanceData": {"idInstance": %d, "wid": "79000000000@c.us", "typeInstance": "whatsapp"},
                 "timestamp": 1764000000, "idMessage": "%s",
                 "senderData": {"chatId": "79009990000@c.us", "chatName": "Eve", "sender": "79009990000@c.us",
                                "senderName": "Eve", "senderContactName": ""},
                 "messageData": {"typeMessage": "textMessage", "textMessageData": {"textMessage": "%s"}}}
                """.formatted(idInstance, idMessage, text);
    }

    @Test
    void inPollingModeNotificationsAreFetchedStoredAndDeleted() {
        GreenConnected connected = connectGreen("g_poll", "polling", "none");
        long id = connected.instance().idInstance();
        assertThat(green.settings(id)).containsEntry("webhookUrl", "").containsEntry("incomingWebhook", "yes");
        String from = digits(randomNumber("+7909"));

        green.injectText(id, from, "Ann", "polled");
        green.injectLocation(id, from, "Ann", 55.75, 37.62, "Red Square", null);

        eventually(() -> assertThat(messagesOfChat(connected.api(), connected.integrationId(), from + "@c.us"))
                .extracting(m -> m.path("kind").asString()).containsExactly("text", "location"));
        eventually(() -> assertThat(green.pendingNotifications(id)).isZero());
        assertThat(green.calls(id)).extracting(GreenCall::method).contains("receiveNotification", "deleteNotification");
    }

    @Test
    void sendsOfOneInstanceKeepGreenApisMinimumDelay() {
        GreenConnected connected = connectGreen("g_rate", "webhook", "none");
        long id = connected.instance().idInstance();
        for (int i = 0; i < 4; i++) {
            String guest = randomNumber("+791" + i);
            green.registerWhatsAppUser(digits(guest));
            send(connected.api(), connected.integrationId(), Map.of("to", guest, "text", "news " + i));
        }

        eventually(() -> assertThat(green.sent(id)).hasSize(4));
        List<Instant> times = green.sent(id).stream().map(GreenSent::at).toList();
        assertThat(SendTimes.maxInAnyWindow(times, Duration.ofMillis(500))).isEqualTo(1);
    }
}
