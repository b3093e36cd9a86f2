package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Bot API over real HTTP: every encoding, both routes, downloads, tokens and envelopes. */
class TelegramTransportIT extends TelegramITBase {

    private static final String KEYBOARD = "{\"inline_keyboard\":[[{\"text\":\"Approve\",\"callback_data\":\"bk:7QX2:ok\"},"
            + "{\"text\":\"Open\",\"url\":\"https://example.com/b/7QX2\"}]]}";

    @Test
    void getMeOverGetReturnsTheBotUser() {
        BotApiClient.Reply reply = api.call(token, "getMe");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.ok()).isTrue();
        JsonNode me = reply.result();
        assertThat(me.path("id").asLong()).isEqualTo(bot.id());
        assertThat(token).startsWith(bot.id() + ":AA");
        assertThat(me.path("is_bot").asBoolean()).isTrue();
        assertThat(me.path("first_name").asString()).isEqualTo("Acme Booking");
        assertThat(me.path("username").asString()).isEqualTo("acme_booking_bot");
        assertThat(me.path("can_join_groups").asBoolean()).isTrue();
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(reply.headers().firstValue("Server")).hasValueSatisfying(server -> assertThat(server).startsWith("nginx"));
    }

    @Test
    void methodNamesIgnoreCaseAndTheTestEnvironmentRouteWorks() {
        assertThat(api.path("/bot" + token + "/GETME").result().path("id").asLong()).isEqualTo(bot.id());
        assertThat(api.path("/bot" + token + "/test/getme").result().path("id").asLong()).isEqualTo(bot.id());
        assertThat(telegram.calls(token)).extracting(ApiCall::method).containsExactly("getMe", "getMe");
    }

    @Test
    void sendMessageAsQueryString() {
        annStarts();

        BotApiClient.Reply reply = api.get(token, "sendMessage", Map.of("chat_id", Long.toString(ANN_ID),
                "text", "Hello & welcome"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result().path("text").asString()).isEqualTo("Hello & welcome");
        assertThat(reply.result().path("chat").path("id").asLong()).isEqualTo(ANN_ID);
    }

    @Test
    void sendMessageAsFormWithKeyboardAsJsonString() {
        annStarts();

        BotApiClient.Reply reply = api.form(token, "sendMessage", Map.of("chat_id", Long.toString(ANN_ID),
                "text", "Approve booking 7QX2?", "reply_markup", KEYBOARD));

        JsonNode message = reply.result();
        assertThat(message.path("message_id").asLong()).isEqualTo(2);
        assertThat(message.path("from").path("id").asLong()).isEqualTo(bot.id());
        assertThat(message.path("from").path("is_bot").asBoolean()).isTrue();
        assertThat(message.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asString())
                .isEqualTo("bk:7QX2:ok");
        SentMessage sent = telegram.sentMessages(token, ANN_ID).get(0);
        assertThat(sent.method()).isEqualTo("sendMessage");
        assertThat(sent.messageId()).isEqualTo(2);
        assertThat(sent.text()).isEqualTo("Approve booking 7QX2?");
        assertThat(sent.replyMarkup()).contains("bk:7QX2:ok");
        assertThat(sent.params()).containsEntry("chat_id", Long.toString(ANN_ID));
    }

    @Test
    void sendMessageAsJsonWithObjectKeyboard() {
        annStarts();

        BotApiClient.Reply reply = api.json(token, "sendMessage", "{\"chat_id\":" + ANN_ID
                + ",\"text\":\"*Booked*\",\"parse_mode\":\"MarkdownV2\",\"reply_markup\":" + KEYBOARD + "}");

        JsonNode message = reply.result();
        assertThat(message.path("text").asString()).isEqualTo("Booked");
        assertThat(message.path("entities").get(0).path("type").asString()).isEqualTo("bold");
        assertThat(message.path("date").asLong()).isCloseTo(telegram.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(2L));
        assertThat(message.path("chat").path("type").asString()).isEqualTo("private");
        assertThat(message.path("reply_markup").path("inline_keyboard").get(0)).hasSize(2);
    }

    @Test
    void sendPhotoByUrlAsMultipartLikeTelegramBots() {
        annStarts();
        Multipart body = new Multipart().text("chat_id", Long.toString(ANN_ID))
                .text("photo", "https://example.com/room.jpg").text("caption", "Your room")
                .text("reply_markup", KEYBOARD);

        BotApiClient.Reply reply = api.multipart(token, "sendPhoto", body);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode photo = reply.result().path("photo");
        assertThat(photo).hasSize(3);
        assertThat(photo.get(0).path("width").asInt()).isLessThan(photo.get(2).path("width").asInt());
        assertThat(reply.result().path("caption").asString()).isEqualTo("Your room");
        SentMessage sent = telegram.sentMessages(token).get(0);
        assertThat(sent.media()).isEqualTo("https://example.com/room.jpg");
        assertThat(sent.caption()).isEqualTo("Your room");
    }

    @Test
    void uploadedDocumentIsServedByGetFileAndDownload() {
        annStarts();
        byte[] content = "%PDF-1.4\r\n--sandboxBoundary7MA4YWxkTrZu0gW\r\n\u0000\u00ff binary"
                .getBytes(StandardCharsets.ISO_8859_1);
        Multipart body = new Multipart().text("chat_id", Long.toString(ANN_ID))
                .file("document", "invoice.pdf", "application/pdf", content);

        JsonNode document = api.multipart(token, "sendDocument", body).result().path("document");
        assertThat(document.path("file_name").asString()).isEqualTo("invoice.pdf");
        assertThat(document.path("mime_type").asString()).isEqualTo("application/pdf");
        assertThat(document.path("file_size").asInt()).isEqualTo(content.length);

        JsonNode file = api.get(token, "getFile", Map.of("file_id", document.path("file_id").asString())).result();
        HttpResponse<byte[]> download = api.download("/file/bot" + token + "/" + file.path("file_path").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(telegram.sentMessages(token).get(0).media()).isEqualTo("upload:invoice.pdf");
    }

    @Test
    void attachProtocolNamesAnotherPart() {
        annStarts();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
        Multipart body = new Multipart().text("chat_id", Long.toString(ANN_ID)).text("photo", "attach://room")
                .file("room", "room.png", "image/png", png);

        JsonNode photo = api.multipart(token, "sendPhoto", body).result().path("photo");

        assertThat(photo.get(2).path("file_size").asInt()).isEqualTo(png.length);
    }

    @Test
    void injectedPhotoCanBeFetched() {
        telegram.injectPhoto(token, ann, "my passport");

        JsonNode message = api.call(token, "getUpdates").result().get(0).path("message");
        assertThat(message.path("caption").asString()).isEqualTo("my passport");
        JsonNode largest = message.path("photo").get(2);
        String path = api.get(token, "getFile", Map.of("file_id", largest.path("file_id").asString()))
                .result().path("file_path").asString();
        HttpResponse<byte[]> download = api.download("/file/bot" + token + "/" + path);
        assertThat(download.body()).hasSize(largest.path("file_size").asInt());
        assertThat(download.body()[0]).isEqualTo((byte) 0xFF);
    }

    @Test
    void tokensAreCheckedLikeTelegram() {
        BotApiClient.Reply unknown = api.call(bot.id() + ":AAnotTheRealSecretxxxxxxxxxxxxxxxxxx", "getMe");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo(401);
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.description()).isEqualTo("Unauthorized");

        BotApiClient.Reply malformed = api.call("not-a-token", "getMe");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.description()).isEqualTo("Unauthorized: invalid token specified");
        assertThat(api.call("0123:AAabc", "getMe").description()).isEqualTo("Unauthorized: invalid token specified");
    }

    @Test
    void revokedTokenIsUnauthorizedUntilRestored() {
        telegram.revokeToken(token);
        assertThat(api.call(token, "getMe").status()).isEqualTo(401);

        telegram.restoreToken(token);
        assertThat(api.call(token, "getMe").status()).isEqualTo(200);
        assertThat(telegram.calls(token)).extracting(ApiCall::status).containsExactly(401, 200);
    }

    @Test
    void unknownMethodsAndPathsAre404() {
        BotApiClient.Reply method = api.call(token, "sendTelepathy");
        assertThat(method.status()).isEqualTo(404);
        assertThat(method.errorCode()).isEqualTo(404);
        assertThat(method.description()).isEqualTo("Not Found: method not found");
        assertThat(api.path("/favicon.ico").status()).isEqualTo(404);
        assertThat(api.path("/bot" + token + "/").description()).isEqualTo("Not Found");
        assertThat(api.path("/file/bot" + token + "/photos/nothing.jpg").status()).isEqualTo(404);
    }

    @Test
    void malformedBodiesAreBadRequests() {
        BotApiClient.Reply reply = api.json(token, "getMe", "{not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description()).startsWith("Bad Request: ");
    }

    @Test
    void queryParametersAndBodyParametersMerge() {
        annStarts();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("text", "from the body");
        BotApiClient.Reply reply = api.send(java.net.http.HttpRequest.newBuilder(
                        api.uri("/bot" + token + "/sendMessage?chat_id=" + ANN_ID))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(BotApiClient.encode(form))));

        assertThat(reply.result().path("text").asString()).isEqualTo("from the body");
    }
}
