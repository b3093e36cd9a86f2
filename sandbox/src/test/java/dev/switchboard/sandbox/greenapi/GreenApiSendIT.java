package dev.switchboard.sandbox.greenapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every send method, its validation limits, the journal and the interactive-button switch, over real HTTP. */
class GreenApiSendIT extends GreenApiITBase {

    @Test
    void sendMessageAnswersAFreshIdMessageAndIsRecorded() {
        GreenClient.Reply first = sendText(ANN_CHAT, "Table for 4 at 19:00?");
        GreenClient.Reply second = sendText(ANN_CHAT, "Table for 4 at 19:00?");

        assertThat(first.status()).isEqualTo(200);
        String id = first.json().path("idMessage").asString();
        assertThat(id).matches("[0-9A-F]{16}");
        assertThat(second.json().path("idMessage").asString()).isNotEqualTo(id);
        GreenSent sent = green.sent(instance.idInstance()).get(0);
        assertThat(sent.method()).isEqualTo("sendMessage");
        assertThat(sent.chatId()).isEqualTo(ANN_CHAT);
        assertThat(sent.idMessage()).isEqualTo(id);
        assertThat(sent.body()).containsEntry("message", "Table for 4 at 19:00?");
    }

    @Test
    void textUpTo20000CharactersIsAcceptedAndLongerIsA400() {
        assertThat(sendText(ANN_CHAT, "a".repeat(20_000)).status()).isEqualTo(200);

        GreenClient.Reply tooLong = sendText(ANN_CHAT, "a".repeat(20_001));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).isEqualTo(
                "Validation failed. Details: 'message' length must be less than or equal to 20000 characters long");
        assertThat(green.sent(instance.idInstance())).hasSize(1);
    }

    @Test
    void malformedBodiesAre400WithAnExplanation() {
        assertThat(sendText("79001234568", "hi").text()).contains("'chatId' must be one of the next formats");
        assertThat(api.post(instance, "sendMessage", "{\"chatId\":\"" + ANN_CHAT + "\"}").text())
                .isEqualTo("Validation failed. Details: 'message' is required");
        assertThat(sendText(ANN_CHAT, "").text()).contains("'message' is not allowed to be empty");
        assertThat(api.post(instance, "sendMessage", "{\"chatId\":\"" + ANN_CHAT + "\",\"message\":\"x\",\"foo\":1}")
                .text()).contains("'foo' is not allowed");
        GreenClient.Reply broken = api.post(instance, "sendMessage", "{\"chatId\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text()).startsWith("Unexpected token");
        GreenClient.Reply notJson = api.send(HttpRequest.newBuilder(URI.create(api.url(instance, "sendMessage")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"chatId\":\"x\"}")));
        assertThat(notJson.text()).isEqualTo("Validation failed. Details: 'chatId' is required");
    }

    @Test
    void sendFileByUrlNeedsAFileNameWithExtensionAndACaptionUpTo1024() {
        String ok = "{\"chatId\":\"" + ANN_CHAT + "\",\"urlFile\":\"https://example.com/menu.pdf\","
                + "\"fileName\":\"menu.pdf\",\"caption\":\"" + "c".repeat(1024) + "\"}";
        assertThat(api.post(instance, "sendFileByUrl", ok).status()).isEqualTo(200);

        GreenClient.Reply noExtension = api.post(instance, "sendFileByUrl", "{\"chatId\":\"" + ANN_CHAT
                + "\",\"urlFile\":\"https://example.com/menu\",\"fileName\":\"menu\"}");
        assertThat(noExtension.status()).isEqualTo(400);
        assertThat(noExtension.text()).contains("'fileName'");
        GreenClient.Reply longCaption = api.post(instance, "sendFileByUrl", ok.replace("c".repeat(1024),
                "c".repeat(1025)));
        assertThat(longCaption.text()).contains("'caption' length must be less than or equal to 1024");
        assertThat(api.post(instance, "sendFileByUrl", "{\"chatId\":\"" + ANN_CHAT
                + "\",\"fileName\":\"a.jpg\"}").text()).contains("'urlFile' is required");
    }

    @Test
    void sendFileByUploadTakesMultipartOnTheMediaBaseAndServesTheFile() throws Exception {
        byte[] pdf = "%PDF-1.4 today's menu".getBytes();
        Multipart form = new Multipart().field("chatId", ANN_CHAT).field("caption", "Menu")
                .file("file", "menu.pdf", "application/pdf", pdf);

        GreenClient.Reply reply = api.send(HttpRequest.newBuilder(URI.create(api.mediaUrl(instance,
                "sendFileByUpload"))).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("idMessage").asString()).matches("[0-9A-F]{16}");
        HttpResponse<byte[]> download = api.download(reply.json().path("urlFile").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(green.sent(instance.idInstance()).get(0).body()).containsEntry("caption", "Menu")
                .containsKey("file");
    }

    @Test
    void uploadFileStoresARawBodyAndAnswersItsUrl() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        GreenClient.Reply reply = api.send(HttpRequest.newBuilder(URI.create(api.mediaUrl(instance, "uploadFile")))
                .header("Content-Type", "image/jpeg").header("GE-File-Name", "photo.jpg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)));

        assertThat(reply.status()).isEqualTo(200);
        HttpResponse<byte[]> download = api.download(reply.json().path("urlFile").asString());
        assertThat(download.body()).isEqualTo(jpeg);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void sendLocationAndSendContactValidateTheirFields() {
        assertThat(api.post(instance, "sendLocation", "{\"chatId\":\"" + ANN_CHAT
                + "\",\"latitude\":55.75,\"longitude\":37.61,\"nameLocation\":\"Cafe\"}").status()).isEqualTo(200);
        assertThat(api.post(instance, "sendLocation", "{\"chatId\":\"" + ANN_CHAT + "\",\"latitude\":91,"
                + "\"longitude\":0}").status()).isEqualTo(400);
        assertThat(api.post(instance, "sendLocation", "{\"chatId\":\"" + ANN_CHAT + "\",\"latitude\":1}").text())
                .contains("'longitude' is required");

        assertThat(api.post(instance, "sendContact", "{\"chatId\":\"" + ANN_CHAT
                + "\",\"contact\":{\"phoneContact\":79001234567,\"firstName\":\"Bob\"}}").status()).isEqualTo(200);
        assertThat(api.post(instance, "sendContact", "{\"chatId\":\"" + ANN_CHAT
                + "\",\"contact\":{\"firstName\":\"Bob\"}}").text()).contains("'phoneContact' is required");
    }

    @Test
    void interactiveButtonsAllowUpToThreeAndASwitchMakesThem403() {
        String three = "{\"chatId\":\"" + ANN_CHAT + "\",\"body\":\"Approve booking 7QX2?\",\"buttons\":["
                + "{\"buttonId\":\"1\",\"buttonText\":\"Approve\"},{\"buttonId\":\"2\",\"buttonText\":\"Reject\"},"
                + "{\"buttonId\":\"3\",\"buttonText\":\"Later\"}]}";
        String four = three.replace("]}", ",{\"buttonId\":\"4\",\"buttonText\":\"Never\"}]}");
        String copy = "{\"chatId\":\"" + ANN_CHAT + "\",\"body\":\"Your code\",\"buttons\":[{\"type\":\"copy\","
                + "\"buttonId\":\"1\",\"buttonText\":\"Copy\",\"copyCode\":\"7QX2\"}]}";

        assertThat(api.post(instance, "sendInteractiveButtonsReply", three).status()).isEqualTo(200);
        GreenClient.Reply tooMany = api.post(instance, "sendInteractiveButtonsReply", four);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text()).contains("'buttons' must contain less than or equal to 3 items");
        assertThat(api.post(instance, "sendInteractiveButtons", copy).status()).isEqualTo(200);

        green.interactiveButtonsForbidden(instance.idInstance(), true);
        assertThat(api.post(instance, "sendInteractiveButtonsReply", three).status()).isEqualTo(403);
        assertThat(api.post(instance, "sendInteractiveButtons", copy).status()).isEqualTo(403);
        assertThat(sendText(ANN_CHAT, "Reply 1 to approve, 2 to reject").status()).isEqualTo(200);
    }

    @Test
    void legacyButtonAndListMethodsAre403() {
        for (String legacy : new String[] {"sendButtons", "sendTemplateButtons", "sendListMessage"}) {
            assertThat(api.post(instance, legacy, "{\"chatId\":\"" + ANN_CHAT + "\",\"message\":\"x\"}").status())
                    .as(legacy).isEqualTo(403);
        }
    }

    @Test
    void getMessageReadsTheJournalForOutgoingAndIncomingMessages() {
        green.statusTimeline(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(20));
        String outgoing = sendText(ANN_CHAT, "Booked!").json().path("idMessage").asString();
        String incoming = green.injectText(instance.idInstance(), ANN, "Ann", "thanks");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(getMessage(outgoing).json().path("statusMessage").asString()).isEqualTo("read"));
        GreenClient.Reply out = getMessage(outgoing);
        assertThat(out.json().path("type").asString()).isEqualTo("outgoing");
        assertThat(out.json().path("textMessage").asString()).isEqualTo("Booked!");
        assertThat(out.json().path("sendByApi").asBoolean()).isTrue();
        GreenClient.Reply in = getMessage(incoming);
        assertThat(in.json().path("type").asString()).isEqualTo("incoming");
        assertThat(in.json().path("senderId").asString()).isEqualTo(ANN_CHAT);
        assertThat(in.json().path("textMessage").asString()).isEqualTo("thanks");
        assertThat(getMessage("BAE5000000000000").status()).isEqualTo(400);
    }

    @Test
    void showAndClearTheSendQueue() {
        green.setState(instance.idInstance(), "notAuthorized");
        String id = sendText(ANN_CHAT, "waiting").json().path("idMessage").asString();

        GreenClient.Reply queue = api.get(instance, "showMessagesQueue");
        assertThat(queue.json().get(0).path("messageID").asString()).isEqualTo(id);
        assertThat(api.get(instance, "clearMessagesQueue").json().path("isCleared").asBoolean()).isTrue();
        assertThat(green.queuedMessages(instance.idInstance())).isEmpty();
        assertThat(api.get(instance, "showMessagesQueue").json().size()).isZero();
    }

    private GreenClient.Reply getMessage(String idMessage) {
        return api.post(instance, "getMessage", "{\"chatId\":\"" + ANN_CHAT + "\",\"idMessage\":\"" + idMessage + "\"}");
    }
}
