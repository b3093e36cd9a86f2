package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** answerCallbackQuery validity and the edits that usually follow a tap. */
class TelegramCallbacksIT extends TelegramITBase {

    private static final String KEYBOARD =
            "{\"inline_keyboard\":[[{\"text\":\"Approve\",\"callback_data\":\"bk:ok\"}]]}";
    private static final String TOO_OLD =
            "Bad Request: query is too old and response timeout expired or query ID is invalid";

    private String chat;
    private long messageId;

    @BeforeEach
    void botAskedAnn() {
        annStarts();
        chat = Long.toString(ANN_ID);
        messageId = api.form(token, "sendMessage", Map.of("chat_id", chat, "text", "Approve booking 7QX2?",
                "reply_markup", KEYBOARD)).result().path("message_id").asLong();
    }

    private String tap() {
        long updateId = telegram.injectCallback(token, ann, messageId, "bk:ok");
        return telegram.callbackQueryId(token, updateId);
    }

    private BotApiClient.Reply answer(Map<String, String> params) {
        return api.form(token, "answerCallbackQuery", params);
    }

    @Test
    void aQueryCanBeAnsweredOnce() {
        String queryId = tap();

        BotApiClient.Reply first = answer(Map.of("callback_query_id", queryId, "text", "Approved", "show_alert", "true"));
        BotApiClient.Reply second = answer(Map.of("callback_query_id", queryId));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.result().asBoolean()).isTrue();
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.description()).isEqualTo(TOO_OLD);
        assertThat(telegram.answeredCallbacks(token)).singleElement().satisfies(answered -> {
            assertThat(answered.callbackQueryId()).isEqualTo(queryId);
            assertThat(answered.text()).isEqualTo("Approved");
            assertThat(answered.showAlert()).isTrue();
        });
    }

    @Test
    void unknownForeignAndExpiredQueriesAreRejected() {
        assertThat(answer(Map.of("callback_query_id", "4382104821")).description()).isEqualTo(TOO_OLD);
        assertThat(answer(Map.of()).description()).isEqualTo(TOO_OLD);
        Bot other = telegram.createBot("other_bot");
        assertThat(api.form(other.token(), "answerCallbackQuery", Map.of("callback_query_id", tap())).description())
                .isEqualTo(TOO_OLD);

        telegram.callbackAnswerWindow(Duration.ofSeconds(15));
        String late = tap();
        telegram.advanceClock(Duration.ofSeconds(16));
        assertThat(answer(Map.of("callback_query_id", late)).description()).isEqualTo(TOO_OLD);
        assertThat(telegram.answeredCallbacks(token)).isEmpty();
    }

    @Test
    void answerTextIsLimitedTo200Characters() {
        String queryId = tap();

        BotApiClient.Reply tooLong = answer(Map.of("callback_query_id", queryId, "text", "x".repeat(201)));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.description()).isEqualTo("Bad Request: MESSAGE_TOO_LONG");
        assertThat(answer(Map.of("callback_query_id", queryId, "text", "x".repeat(200))).status())
                .as("a rejected answer does not use up the query").isEqualTo(200);
    }

    @Test
    void editMessageTextReplacesTextAndKeyboard() {
        BotApiClient.Reply edited = api.form(token, "editMessageText", Map.of("chat_id", chat,
                "message_id", Long.toString(messageId), "text", "Booking 7QX2 approved"));

        JsonNode message = edited.result();
        assertThat(message.path("text").asString()).isEqualTo("Booking 7QX2 approved");
        assertThat(message.has("reply_markup")).as("no reply_markup removes the keyboard").isFalse();
        assertThat(message.path("edit_date").asLong()).isPositive();
        SentMessage record = telegram.sentMessages(token).get(1);
        assertThat(record.method()).isEqualTo("editMessageText");
        assertThat(record.messageId()).isEqualTo(messageId);
    }

    @Test
    void unchangedEditsAreRejected() {
        BotApiClient.Reply same = api.form(token, "editMessageText", Map.of("chat_id", chat,
                "message_id", Long.toString(messageId), "text", "Approve booking 7QX2?", "reply_markup", KEYBOARD));

        assertThat(same.status()).isEqualTo(400);
        assertThat(same.description()).isEqualTo("Bad Request: message is not modified: specified new message content "
                + "and reply markup are exactly the same as a current content and reply markup of the message");
    }

    @Test
    void editMessageReplyMarkup() {
        Map<String, String> remove = Map.of("chat_id", chat, "message_id", Long.toString(messageId));

        BotApiClient.Reply removed = api.form(token, "editMessageReplyMarkup", remove);
        BotApiClient.Reply again = api.form(token, "editMessageReplyMarkup", remove);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.result().has("reply_markup")).isFalse();
        assertThat(again.description()).startsWith("Bad Request: message is not modified");
        long tapOnOldMessage = telegram.injectCallback(token, ann, messageId, "bk:ok");
        JsonNode update = api.form(token, "getUpdates", Map.of("offset", Long.toString(tapOnOldMessage))).result().get(0);
        assertThat(update.path("callback_query").path("message").has("reply_markup")).isFalse();
    }

    @Test
    void onlyTheBotsOwnMessagesCanBeEdited() {
        BotApiClient.Reply usersMessage = api.form(token, "editMessageText", Map.of("chat_id", chat,
                "message_id", "1", "text", "hijacked"));
        BotApiClient.Reply missing = api.form(token, "editMessageText", Map.of("chat_id", chat,
                "message_id", "42", "text", "nothing here"));

        assertThat(usersMessage.description()).isEqualTo("Bad Request: message can't be edited");
        assertThat(missing.description()).isEqualTo("Bad Request: message to edit not found");
    }

    @Test
    void deleteMessage() {
        Map<String, String> params = Map.of("chat_id", chat, "message_id", Long.toString(messageId));

        assertThat(api.form(token, "deleteMessage", params).result().asBoolean()).isTrue();
        assertThat(api.form(token, "deleteMessage", params).description())
                .isEqualTo("Bad Request: message to delete not found");
    }
}
