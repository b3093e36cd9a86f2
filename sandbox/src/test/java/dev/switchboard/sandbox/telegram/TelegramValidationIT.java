package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Telegram rejects, the emulator rejects, with the same status and envelope. */
class TelegramValidationIT extends TelegramITBase {

    private String chat;

    @BeforeEach
    void annHasStarted() {
        annStarts();
        chat = Long.toString(ANN_ID);
    }

    private BotApiClient.Reply send(Map<String, String> params) {
        return api.form(token, "sendMessage", params);
    }

    private BotApiClient.Reply sendWithKeyboard(String keyboard) {
        return send(Map.of("chat_id", chat, "text", "Pick one", "reply_markup", keyboard));
    }

    private static void assertBadRequest(BotApiClient.Reply reply, String description) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(400);
        assertThat(reply.ok()).isFalse();
        assertThat(reply.description()).isEqualTo(description);
    }

    @Test
    void textMustBePresentAndAtMost4096Characters() {
        assertBadRequest(send(Map.of("chat_id", chat)), "Bad Request: message text is empty");
        assertBadRequest(send(Map.of("chat_id", chat, "text", " \n ")), "Bad Request: message text is empty");
        assertBadRequest(send(Map.of("chat_id", chat, "text", "x".repeat(4097))), "Bad Request: message is too long");

        assertThat(send(Map.of("chat_id", chat, "text", "x".repeat(4096))).status()).isEqualTo(200);
        assertThat(send(Map.of("chat_id", chat, "text", "😀".repeat(4096))).status()).isEqualTo(200);
    }

    @Test
    void textLimitCountsAfterEntityParsing() {
        String html = "<b>" + "x".repeat(4096) + "</b>";

        assertThat(send(Map.of("chat_id", chat, "text", html, "parse_mode", "HTML")).status()).isEqualTo(200);
    }

    @Test
    void parseModeMustBeKnownAndMarkupMustParse() {
        assertBadRequest(send(Map.of("chat_id", chat, "text", "hi", "parse_mode", "Markdown3")),
                "Bad Request: unsupported parse_mode");
        assertBadRequest(send(Map.of("chat_id", chat, "text", "Total 5.00", "parse_mode", "MarkdownV2")),
                "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
        assertBadRequest(send(Map.of("chat_id", chat, "text", "<blink>hi</blink>", "parse_mode", "HTML")),
                "Bad Request: can't parse entities: Unsupported start tag \"blink\" at byte offset 0");
        assertThat(send(Map.of("chat_id", chat, "text", "Total 5\\.00", "parse_mode", "markdownv2")).status())
                .isEqualTo(200);
    }

    @Test
    void callbackDataIsLimitedTo64Bytes() {
        String sixtyFiveBytes = "x".repeat(65);
        assertBadRequest(sendWithKeyboard(button("\"callback_data\":\"" + sixtyFiveBytes + "\"")),
                "Bad Request: BUTTON_DATA_INVALID");
        String thirtyTwoCyrillic = "д".repeat(33);
        assertBadRequest(sendWithKeyboard(button("\"callback_data\":\"" + thirtyTwoCyrillic + "\"")),
                "Bad Request: BUTTON_DATA_INVALID");

        assertThat(sendWithKeyboard(button("\"callback_data\":\"" + "x".repeat(64) + "\"")).status()).isEqualTo(200);
        assertThat(sendWithKeyboard(button("\"callback_data\":\"" + "д".repeat(32) + "\"")).status()).isEqualTo(200);
    }

    @Test
    void eachButtonNeedsExactlyOneAction() {
        assertBadRequest(sendWithKeyboard(button("\"callback_data\":\"a\",\"url\":\"https://example.com\"")),
                "Bad Request: can't parse inline keyboard button: exactly one of the optional fields must be set, "
                        + "found url, callback_data");
        assertBadRequest(sendWithKeyboard("{\"inline_keyboard\":[[{\"text\":\"Plain\"}]]}"),
                "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        assertBadRequest(sendWithKeyboard("{\"inline_keyboard\":[[{\"callback_data\":\"a\"}]]}"),
                "Bad Request: can't parse inline keyboard button: Can't find field \"text\"");
        assertBadRequest(sendWithKeyboard("{\"inline_keyboard\":[{\"text\":\"A\",\"callback_data\":\"a\"}]}"),
                "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
        assertBadRequest(sendWithKeyboard("{not json"), "Bad Request: can't parse reply keyboard markup JSON object");
        assertBadRequest(sendWithKeyboard("[]"), "Bad Request: object expected as reply markup");
    }

    @Test
    void buttonUrlsMustBeHttpOrTg() {
        assertBadRequest(sendWithKeyboard(button("\"url\":\"ftp://example.com/file\"")),
                "Bad Request: inline keyboard button URL 'ftp://example.com/file' is invalid: Unsupported URL protocol");

        assertThat(sendWithKeyboard(button("\"url\":\"tg://resolve?domain=acme\"")).status()).isEqualTo(200);
        assertThat(sendWithKeyboard(button("\"url\":\"http://example.com\"")).status()).isEqualTo(200);
    }

    @Test
    void chatsMustExistAndBeReachable() {
        assertBadRequest(send(Map.of("text", "hi")), "Bad Request: chat_id is empty");
        assertBadRequest(send(Map.of("chat_id", "777", "text", "hi")), "Bad Request: chat not found");
        assertBadRequest(send(Map.of("chat_id", "@nobody", "text", "hi")), "Bad Request: chat not found");

        TgUser bob = telegram.user(6_000_000_002L, "Bob", null, null);
        assertBadRequest(send(Map.of("chat_id", Long.toString(bob.id()), "text", "hi")), "Bad Request: chat not found");
        long group = telegram.group("Front desk");
        telegram.injectText(token, group, bob, "hello group");
        BotApiClient.Reply reply = send(Map.of("chat_id", Long.toString(bob.id()), "text", "hi"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.description()).isEqualTo("Forbidden: bot can't initiate conversation with a user");
        assertThat(send(Map.of("chat_id", Long.toString(group), "text", "hi all")).status()).isEqualTo(200);
    }

    @Test
    void replyTargetsMustExistUnlessAllowed() {
        assertBadRequest(send(Map.of("chat_id", chat, "text", "re", "reply_to_message_id", "99")),
                "Bad Request: message to be replied not found");

        BotApiClient.Reply reply = send(Map.of("chat_id", chat, "text", "re", "reply_to_message_id", "1"));
        assertThat(reply.result().path("reply_to_message").path("text").asString()).isEqualTo("/start");
        assertThat(send(Map.of("chat_id", chat, "text", "re", "reply_parameters",
                "{\"message_id\":99,\"allow_sending_without_reply\":true}")).status()).isEqualTo(200);
    }

    @Test
    void mediaIsValidated() {
        assertBadRequest(api.form(token, "sendPhoto", Map.of("chat_id", chat)),
                "Bad Request: there is no photo in the request");
        assertBadRequest(api.form(token, "sendPhoto", Map.of("chat_id", chat, "photo", "AgACAgIAAxkBAAInvented")),
                "Bad Request: wrong file identifier/HTTP URL specified");
        assertBadRequest(api.form(token, "sendDocument", Map.of("chat_id", chat,
                "document", "https://example.com/letter.docx")), "Bad Request: wrong type of the web page content");
        assertBadRequest(api.form(token, "sendPhoto", Map.of("chat_id", chat, "photo", "https://example.com/a.jpg",
                "caption", "c".repeat(1025))), "Bad Request: message caption is too long");
        assertBadRequest(api.multipart(token, "sendPhoto", new Multipart().text("chat_id", chat)
                .file("photo", "notes.txt", "text/plain", "just text".getBytes())), "Bad Request: IMAGE_PROCESS_FAILED");

        String documentId = api.form(token, "sendDocument", Map.of("chat_id", chat,
                "document", "https://example.com/terms.pdf")).result().path("document").path("file_id").asString();
        assertBadRequest(api.form(token, "sendPhoto", Map.of("chat_id", chat, "photo", documentId)),
                "Bad Request: can't use file of type Document as Photo");
        assertThat(api.form(token, "sendDocument", Map.of("chat_id", chat, "document", documentId)).status())
                .isEqualTo(200);
    }

    @Test
    void failedSendsUseNoMessageId() {
        send(Map.of("chat_id", chat, "text", "x".repeat(5000)));

        BotApiClient.Reply reply = send(Map.of("chat_id", chat, "text", "ok"));

        assertThat(reply.result().path("message_id").asLong()).isEqualTo(2);
        assertThat(telegram.sentMessages(token)).hasSize(1);
        assertThat(telegram.calls(token)).extracting(ApiCall::status).containsExactly(400, 200);
    }

    @Test
    void locationAndContactAreSent() {
        BotApiClient.Reply location = api.form(token, "sendLocation", Map.of("chat_id", chat, "latitude", "52.52",
                "longitude", "13.405"));
        assertThat(location.result().path("location").path("latitude").asDouble()).isEqualTo(52.52);
        assertBadRequest(api.form(token, "sendLocation", Map.of("chat_id", chat, "latitude", "1")),
                "Bad Request: longitude is empty");

        BotApiClient.Reply contact = api.form(token, "sendContact", Map.of("chat_id", chat,
                "phone_number", "+4930123456", "first_name", "Front desk"));
        assertThat(contact.result().path("contact").path("phone_number").asString()).isEqualTo("+4930123456");
        assertBadRequest(api.form(token, "sendContact", Map.of("chat_id", chat, "phone_number", "+49")),
                "Bad Request: parameter \"first_name\" is required");
    }

    private static String button(String action) {
        return "{\"inline_keyboard\":[[{\"text\":\"Go\"," + action + "}]]}";
    }
}
