package dev.switchboard.sandbox.greenapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * HTTP API notifications (receive/deleteNotification), the send queue and its state rules, status
 * timelines, noAccount/failed outcomes and 24 h retention, over real HTTP.
 */
class GreenApiNotificationsIT extends GreenApiITBase {

    @Test
    void receiveNotificationAnswersNullWhenEmptyAndRedeliversUntilDeleted() {
        enable("incomingWebhook");
        GreenClient.Reply empty = receive();
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.text()).isEqualTo("null");

        String idMessage = green.injectText(instance.idInstance(), ANN, "Ann", "hi");

        JsonNode first = receive().json();
        JsonNode again = receive().json();
        assertThat(again).isEqualTo(first);
        long receiptId = first.path("receiptId").asLong();
        JsonNode body = first.path("body");
        assertThat(body.path("typeWebhook").asString()).isEqualTo("incomingMessageReceived");
        assertThat(body.path("idMessage").asString()).isEqualTo(idMessage);
        assertThat(body.path("instanceData").path("idInstance").asLong()).isEqualTo(instance.idInstance());
        assertThat(body.path("instanceData").path("wid").asString()).isEqualTo(instance.wid());
        assertThat(body.path("instanceData").path("typeInstance").asString()).isEqualTo("whatsapp");
        assertThat(body.path("timestamp").asLong()).isCloseTo(green.now().getEpochSecond(), org.assertj.core.data.Offset.offset(2L));
        assertThat(body.path("senderData").path("chatId").asString()).isEqualTo(ANN_CHAT);
        assertThat(body.path("senderData").path("sender").asString()).isEqualTo(ANN_CHAT);
        assertThat(body.path("senderData").path("senderName").asString()).isEqualTo("Ann");
        assertThat(body.path("messageData").path("typeMessage").asString()).isEqualTo("textMessage");
        assertThat(body.path("messageData").path("textMessageData").path("textMessage").asString()).isEqualTo("hi");

        GreenClient.Reply deleted = api.delete(api.url(instance, "deleteNotification") + "/" + receiptId);
        assertThat(deleted.json().path("result").asBoolean()).isTrue();
        assertThat(api.delete(api.url(instance, "deleteNotification") + "/" + receiptId).json().path("result")
                .asBoolean()).isFalse();
        assertThat(receive().text()).isEqualTo("null");
        assertThat(api.get(instance, "deleteNotification").status()).isEqualTo(404);
    }

    @Test
    void aWaitingLongPollReturnsAsSoonAsANotificationArrives() throws Exception {
        enable("incomingWebhook");
        green.receiveTimeoutCap(Duration.ofSeconds(5));
        var poll = java.util.concurrent.CompletableFuture.supplyAsync(this::receive);
        Thread.sleep(100);
        green.injectText(instance.idInstance(), ANN, "Ann", "late");

        GreenClient.Reply reply = poll.get(3, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(reply.json().path("body").path("messageData").path("textMessageData").path("textMessage")
                .asString()).isEqualTo("late");
    }

    @Test
    void notificationsOnlyFlowForSwitchesThatAreOn() {
        green.injectText(instance.idInstance(), ANN, "Ann", "ignored while incomingWebhook is no");
        assertThat(green.pendingNotifications(instance.idInstance())).isZero();
        assertThat(api.getUrl(api.url(instance, "receiveNotification") + "?receiveTimeout=4").status()).isEqualTo(400);
        assertThat(api.getUrl(api.url(instance, "receiveNotification") + "?receiveTimeout=5").text()).isEqualTo("null");
    }

    @Test
    void receiveNotificationIs400WhileAWebhookUrlIsSet() {
        green.configure(instance.idInstance(), java.util.Map.of("webhookUrl", "http://127.0.0.1:9/hook"));

        GreenClient.Reply reply = receive();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("webhook url is set");
        assertThat(api.delete(api.url(instance, "deleteNotification") + "/1").status()).isEqualTo(400);
    }

    @Test
    void aSendEmitsOutgoingApiMessageAndStatusesSentDeliveredReadInOrder() {
        enable("outgoingWebhook", "outgoingAPIMessageWebhook");
        String idMessage = sendText(ANN_CHAT, "Booked for 19:00").json().path("idMessage").asString();

        List<JsonNode> bodies = drain(4);

        assertThat(bodies).extracting(body -> body.path("typeWebhook").asString()).containsExactly(
                "outgoingAPIMessageReceived", "outgoingMessageStatus", "outgoingMessageStatus", "outgoingMessageStatus");
        assertThat(bodies).allSatisfy(body -> assertThat(body.path("idMessage").asString()).isEqualTo(idMessage));
        assertThat(bodies.subList(1, 4)).extracting(body -> body.path("status").asString())
                .containsExactly("sent", "delivered", "read");
        JsonNode status = bodies.get(1);
        assertThat(status.path("chatId").asString()).isEqualTo(ANN_CHAT);
        assertThat(status.path("sendByApi").asBoolean()).isTrue();
        JsonNode echo = bodies.get(0);
        assertThat(echo.path("senderData").path("sender").asString()).isEqualTo(instance.wid());
        assertThat(echo.path("messageData").path("extendedTextMessageData").path("text").asString())
                .isEqualTo("Booked for 19:00");
    }

    @Test
    void unregisteredNumbersEndInNoAccountEvenWithOutgoingWebhookOff() {
        String idMessage = sendText("79009999999@c.us", "hello?").json().path("idMessage").asString();

        JsonNode body = drain(1).get(0);

        assertThat(body.path("typeWebhook").asString()).isEqualTo("outgoingMessageStatus");
        assertThat(body.path("idMessage").asString()).isEqualTo(idMessage);
        assertThat(body.path("status").asString()).isEqualTo("noAccount");
    }

    @Test
    void failMessageEndsAMessageWithFailedAndItsDescription() {
        enable("outgoingWebhook");
        green.setState(instance.idInstance(), "notAuthorized");
        String idMessage = sendText(ANN_CHAT, "doomed").json().path("idMessage").asString();
        green.failMessage(idMessage, "failed", "SWE004: test failure");
        green.setState(instance.idInstance(), "authorized");

        JsonNode body = drain(1).get(0);

        assertThat(body.path("status").asString()).isEqualTo("failed");
        assertThat(body.path("description").asString()).isEqualTo("SWE004: test failure");
        green.advanceClock(Duration.ofSeconds(5));
        assertThat(green.pendingNotifications(instance.idInstance())).isZero();
    }

    @Test
    void onlyAnAuthorizedInstanceSendsItsQueueAndStateChangesAreNotified() {
        enable("outgoingWebhook", "stateWebhook");
        green.statusTimeline(Duration.ofHours(1), Duration.ofHours(2));
        green.setState(instance.idInstance(), "notAuthorized");
        String first = sendText(ANN_CHAT, "one").json().path("idMessage").asString();
        String second = sendText(ANN_CHAT, "two").json().path("idMessage").asString();
        assertThat(green.queuedMessages(instance.idInstance())).containsExactly(first, second);

        green.setState(instance.idInstance(), "authorized");
        List<JsonNode> bodies = drain(4);

        assertThat(bodies.get(0).path("typeWebhook").asString()).isEqualTo("stateInstanceChanged");
        assertThat(bodies.get(0).path("stateInstance").asString()).isEqualTo("notAuthorized");
        assertThat(bodies.get(1).path("stateInstance").asString()).isEqualTo("authorized");
        assertThat(bodies.subList(2, 4)).extracting(body -> body.path("idMessage").asString())
                .containsExactly(first, second);
        assertThat(bodies.subList(2, 4)).extracting(body -> body.path("status").asString()).containsOnly("sent");
    }

    @Test
    void theQueueKeepsDelaySendMessagesMillisecondsBetweenSends() {
        enable("outgoingWebhook");
        green.sendDelayScale(1.0);
        green.statusTimeline(Duration.ofHours(1), Duration.ofHours(2));
        green.configure(instance.idInstance(), java.util.Map.of("delaySendMessagesMilliseconds", 20_000));
        String first = sendText(ANN_CHAT, "one").json().path("idMessage").asString();
        String second = sendText(ANN_CHAT, "two").json().path("idMessage").asString();

        assertThat(drain(1).get(0).path("idMessage").asString()).isEqualTo(first);
        assertThat(green.queuedMessages(instance.idInstance())).containsExactly(second);
        green.advanceClock(Duration.ofSeconds(19));
        assertThat(green.queuedMessages(instance.idInstance())).containsExactly(second);

        green.advanceClock(Duration.ofSeconds(2));

        assertThat(drain(1).get(0).path("idMessage").asString()).isEqualTo(second);
    }

    @Test
    void yellowCardQueuesUntilARebootAndQueuedItemsExpireAfter24Hours() {
        enable("outgoingWebhook");
        green.setState(instance.idInstance(), "yellowCard");
        String stuck = sendText(ANN_CHAT, "held").json().path("idMessage").asString();
        assertThat(green.queuedMessages(instance.idInstance())).containsExactly(stuck);

        green.advanceClock(Duration.ofHours(24).plusSeconds(1));
        assertThat(green.queuedMessages(instance.idInstance())).isEmpty();

        String fresh = sendText(ANN_CHAT, "after").json().path("idMessage").asString();
        api.get(instance, "reboot");
        assertThat(drain(1).get(0).path("idMessage").asString()).isEqualTo(fresh);
    }

    @Test
    void undeletedNotificationsAreDroppedAfter24Hours() {
        enable("incomingWebhook");
        green.injectText(instance.idInstance(), ANN, "Ann", "old");
        green.advanceClock(Duration.ofHours(24).plusSeconds(1));

        assertThat(receive().text()).isEqualTo("null");
    }

    @Test
    void injectedMessagesHaveGreenApiShapes() {
        enable("incomingWebhook", "incomingCallWebhook", "outgoingMessageWebhook");
        long id = instance.idInstance();
        green.injectFile(id, ANN, "Ann", "imageMessage", "menu.jpg", "image/jpeg", "today");
        green.injectLocation(id, ANN, "Ann", 55.75, 37.61, "Cafe", "Tverskaya 1");
        green.injectContact(id, ANN, "Ann", "Bob", "BEGIN:VCARD\nEND:VCARD");
        green.injectButtonReply(id, ANN, "Ann", "1", "Approve", "BAE5F4886F6F2D05");
        green.injectTemplateButtonReply(id, ANN, "Ann", "ok", "Approve", 0, "BAE5F4886F6F2D05");
        green.injectExtendedText(id, ANN, "Ann", "see https://example.com", "Example", "A site");
        green.injectGroupText(id, "120363043968066561@g.us", "79001112233", "Bob", "hello group");
        green.injectIncomingCall(id, ANN);
        green.injectSentFromPhone(id, ANN, "typed on the phone");

        List<JsonNode> bodies = drain(9);

        JsonNode file = bodies.get(0).path("messageData");
        assertThat(file.path("typeMessage").asString()).isEqualTo("imageMessage");
        assertThat(file.path("fileMessageData").path("caption").asString()).isEqualTo("today");
        assertThat(file.path("fileMessageData").path("mimeType").asString()).isEqualTo("image/jpeg");
        assertThat(file.path("fileMessageData").path("downloadUrl").asString()).startsWith(green.apiUrl());
        assertThat(bodies.get(1).path("messageData").path("locationMessageData").path("latitude").asDouble())
                .isEqualTo(55.75);
        assertThat(bodies.get(2).path("messageData").path("contactMessageData").path("displayName").asString())
                .isEqualTo("Bob");
        JsonNode button = bodies.get(3).path("messageData");
        assertThat(button.path("typeMessage").asString()).isEqualTo("buttonsResponseMessage");
        assertThat(button.path("buttonsResponseMessage").path("selectedButtonId").asString()).isEqualTo("1");
        assertThat(button.path("buttonsResponseMessage").path("stanzaId").asString()).isEqualTo("BAE5F4886F6F2D05");
        JsonNode template = bodies.get(4).path("messageData");
        assertThat(template.path("typeMessage").asString()).isEqualTo("templateButtonsReplyMessage");
        assertThat(template.path("templateButtonReplyMessage").path("selectedId").asString()).isEqualTo("ok");
        assertThat(bodies.get(5).path("messageData").path("extendedTextMessageData").path("title").asString())
                .isEqualTo("Example");
        JsonNode group = bodies.get(6).path("senderData");
        assertThat(group.path("chatId").asString()).isEqualTo("120363043968066561@g.us");
        assertThat(group.path("sender").asString()).isEqualTo("79001112233@c.us");
        assertThat(bodies.get(7).path("typeWebhook").asString()).isEqualTo("incomingCall");
        assertThat(bodies.get(7).path("from").asString()).isEqualTo(ANN_CHAT);
        assertThat(bodies.get(8).path("typeWebhook").asString()).isEqualTo("outgoingMessageReceived");
    }

    @Test
    void sendsToAKnownGroupAreDeliveredAndToAnUnknownOneEndNotInGroup() {
        enable("outgoingWebhook");
        green.statusTimeline(Duration.ofHours(1), Duration.ofHours(2));
        green.injectGroupText(instance.idInstance(), "120363043968066561@g.us", "79001112233", "Bob", "hi");
        sendText("120363043968066561@g.us", "hello all");
        sendText("120363000000000000@g.us", "anyone?");

        List<JsonNode> bodies = drain(2);

        assertThat(bodies).extracting(body -> body.path("status").asString()).containsExactly("sent", "notInGroup");
    }

    @Test
    void notificationsHaveEveryFieldOfTheDocumentedExamples() {
        enable("incomingWebhook", "outgoingWebhook");
        green.injectText(instance.idInstance(), ANN, "Ann", "hi");
        green.injectFile(instance.idInstance(), ANN, "Ann", "imageMessage", "abc.jpg", "image/jpeg", "menu");
        sendText(ANN_CHAT, "ok");

        List<JsonNode> bodies = drain(3);

        assertThat(Fixtures.paths(bodies.get(0)))
                .containsAll(Fixtures.paths(Fixtures.json("incomingMessageReceived.json")));
        assertThat(Fixtures.paths(bodies.get(1))).containsAll(Fixtures.paths(Fixtures.json("incomingImageMessage.json")));
        assertThat(Fixtures.paths(bodies.get(2))).containsAll(Fixtures.paths(Fixtures.json("outgoingMessageStatus.json")));
        assertThat(bodies.get(0).path("instanceData").path("idInstance").isIntegralNumber()).isTrue();
        assertThat(bodies.get(0).path("timestamp").isIntegralNumber()).isTrue();
    }

    private GreenClient.Reply receive() {
        return api.get(instance, "receiveNotification");
    }

    /** Receives and deletes {@code count} notifications, in order. */
    private List<JsonNode> drain(int count) {
        List<JsonNode> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
            GreenClient.Reply reply = receive();
            while (bodies.size() < count && reply.json() != null && reply.json().isObject()) {
                bodies.add(reply.json().path("body"));
                api.delete(api.url(instance, "deleteNotification") + "/" + reply.json().path("receiptId").asLong());
                reply = bodies.size() < count ? receive() : reply;
            }
            return bodies.size() >= count;
        });
        return bodies;
    }
}
