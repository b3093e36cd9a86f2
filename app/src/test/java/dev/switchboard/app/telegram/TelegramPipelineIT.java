package dev.switchboard.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TgUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Every message to the bot is stored once, answered and delivered: through webhooks and through polling. */
class TelegramPipelineIT extends TelegramIT {

    @ParameterizedTest
    @ValueSource(strings = {"webhook", "polling"})
    void aMessageTypedIntoTelegramIsStoredOnceEchoedAndDelivered(String mode) {
        Connected connected = connectEchoBot("echo_" + mode, mode);
        TgUser ann = telegram.user(mode.equals("webhook") ? 5_000_000_001L : 5_000_000_002L, "Ann", "ann_" + mode, "en");

        telegram.injectText(connected.bot().token(), ann, "Is breakfast included?");

        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), ann.id()))
                .extracting(SentMessage::text).containsExactly("Is breakfast included?"));
        SentMessage reply = telegram.sentMessages(connected.bot().token(), ann.id()).get(0);
        eventually(() -> {
            List<JsonNode> messages = messagesOfChat(connected.tenant(), ann.id());
            assertThat(messages).extracting(m -> m.path("direction").asString()).containsExactly("in", "out");
            JsonNode out = messages.get(1);
            assertThat(out.path("status").asString()).isEqualTo("sent");
            assertThat(out.path("providerMessageId").asString()).isEqualTo(Long.toString(reply.messageId()));
            assertThat(out.path("attempts").asInt()).isEqualTo(1);
        });
        JsonNode inbound = messagesOfChat(connected.tenant(), ann.id()).get(0);
        assertThat(inbound.path("text").asString()).isEqualTo("Is breakfast included?");
        assertThat(inbound.path("status").asString()).isEqualTo("received");
        JsonNode integration = connected.tenant().api().get("/api/v1/integrations/" + connected.integrationId()).json();
        assertThat(integration.path("messagesReceived").asLong()).isEqualTo(1);
        assertThat(integration.path("messagesSent").asLong()).isEqualTo(1);
        assertThat(integration.path("lastActivity").isNull()).isFalse();
        JsonNode contact = connected.tenant().api().get("/api/v1/contacts").json().path("items").get(0);
        assertThat(contact.path("displayName").asString()).isEqualTo("Ann");
        assertThat(contact.path("username").asString()).isEqualTo("ann_" + mode);
    }

    @Test
    void buttonPressesAreAnsweredAndReachTheAgent() {
        Connected connected = connectEchoBot("buttons", "webhook");
        TgUser bob = telegram.user(5_000_000_101L, "Bob", "bob", "en");
        startChat(connected, bob);
        Api.Response sent = connected.tenant().api().post("/api/v1/messages", Map.of("integrationId",
                connected.integrationId(), "to", Long.toString(bob.id()), "text", "Table for two at 8?",
                "buttons", List.of(Map.of("id", "yes", "title", "Yes"), Map.of("id", "no", "title", "No"))));
        assertThat(sent.status()).isEqualTo(202);
        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), bob.id())).hasSize(2));
        SentMessage question = telegram.sentMessages(connected.bot().token(), bob.id()).get(1);
        assertThat(question.replyMarkup()).contains("\"callback_data\":\"yes\"").contains("\"text\":\"No\"");

        telegram.injectCallback(connected.bot().token(), bob, question.messageId(), "yes");

        eventually(() -> assertThat(telegram.answeredCallbacks(connected.bot().token())).hasSize(1));
        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), bob.id()))
                .extracting(SentMessage::text).containsExactly("hello", "Table for two at 8?", "yes"));
    }

    @Test
    void forgedUnknownAndMalformedDeliveriesAreRefusedAndStoreNothing() {
        Connected connected = connectEchoBot("forged", "webhook");
        String webhookPath = webhookPath(connected);
        String secret = telegram.webhookInfo(connected.bot().token()).secret();
        byte[] update = update(710_000_001L, 5_000_000_201L, "hello").getBytes(StandardCharsets.UTF_8);

        assertThat(post(webhookPath, update, Map.of()).status()).isEqualTo(401);
        assertThat(post(webhookPath, update, Map.of("X-Telegram-Bot-Api-Secret-Token", "wrong-secret")).status())
                .isEqualTo(401);
        assertThat(post(webhookPath, update, Map.of("X-Telegram-Bot-Api-Secret-Token", secret.substring(1))).status())
                .isEqualTo(401);
        assertThat(post("/webhooks/telegram/unknownKeyXXXXXXXXXXXX", update,
                Map.of("X-Telegram-Bot-Api-Secret-Token", secret)).status()).isEqualTo(404);
        assertThat(post("/webhooks/nosuchchannel/" + webhookPath.substring(webhookPath.lastIndexOf('/') + 1), update,
                Map.of("X-Telegram-Bot-Api-Secret-Token", secret)).status()).isEqualTo(404);
        Api.Response malformed = post(webhookPath, "{\"update_id\": ".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Telegram-Bot-Api-Secret-Token", secret));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(post(webhookPath, "{\"message\":{}}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Telegram-Bot-Api-Secret-Token", secret)).status()).isEqualTo(400);

        assertThat(inInbox(connected.tenant().id())).isZero();
        JsonNode integration = connected.tenant().api().get("/api/v1/integrations/" + connected.integrationId()).json();
        assertThat(integration.path("messagesReceived").asLong()).isZero();
        assertThat(connected.tenant().api().get("/api/v1/conversations").json().path("total").asInt()).isZero();
    }

    /** Webhooks are answered ahead of the filters the API and UI pass through, still with a request id. */
    @Test
    void aWebhooksAnswerCarriesItsRequestId() throws Exception {
        Connected connected = connectEchoBot("request_id", "webhook");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder delivery = HttpRequest.newBuilder(URI.create(baseUrl() + webhookPath(connected)))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));

        HttpResponse<String> traced = client.send(delivery.copy().header("X-Request-Id", "provider-trace-1").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> untraced = client.send(delivery.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(traced.statusCode()).isEqualTo(401);
        assertThat(traced.headers().firstValue("X-Request-Id")).contains("provider-trace-1");
        assertThat(untraced.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    @Test
    void theSameUpdateDeliveredFiveTimesIsStoredAndAnsweredOnce() {
        Connected connected = connectEchoBot("redeliver", "webhook");
        TgUser carol = telegram.user(5_000_000_301L, "Carol", "carol", "en");
        startChat(connected, carol);
        String secret = telegram.webhookInfo(connected.bot().token()).secret();
        byte[] update = update(720_000_001L, carol.id(), "only once").getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < 5; i++) {
            assertThat(post(webhookPath(connected), update, Map.of("X-Telegram-Bot-Api-Secret-Token", secret)).status())
                    .isEqualTo(200);
        }

        eventually(() -> assertThat(telegram.sentMessages(connected.bot().token(), carol.id()))
                .extracting(SentMessage::text).containsExactly("hello", "only once"));
        eventually(() -> assertThat(messagesOfChat(connected.tenant(), carol.id()))
                .extracting(m -> m.path("text").asString()).containsExactly("hello", "hello", "only once", "only once"));
        awaitEmptyInbox(connected.tenant().id()); // every redelivery was taken in, and stored nothing
        assertThat(messagesOfChat(connected.tenant(), carol.id())).hasSize(4);
        assertThat(connected.tenant().api().get("/api/v1/integrations/" + connected.integrationId()).json()
                .path("messagesReceived").asLong()).isEqualTo(2);
    }

    @Test
    void theSameIdempotencyKeyTwiceSendsOnce() {
        Connected connected = connectEchoBot("idem", "webhook");
        TgUser dan = telegram.user(5_000_000_401L, "Dan", "dan", "en");
        startChat(connected, dan);
        Map<String, Object> request = Map.of("integrationId", connected.integrationId(), "to", Long.toString(dan.id()),
                "text", "Your table is ready", "idempotencyKey", "order-77-ready");

        Api.Response first = connected.tenant().api().post("/api/v1/messages", request);
        Api.Response second = connected.tenant().api().post("/api/v1/messages", request);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.text("status")).isEqualTo("queued");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        eventually(() -> assertThat(connected.tenant().api().get("/api/v1/messages/" + first.text("id"))
                .text("status")).isEqualTo("sent"));
        assertThat(telegram.sentMessages(connected.bot().token(), dan.id())).extracting(SentMessage::text)
                .containsExactly("hello", "Your table is ready");
        assertThat(connected.tenant().api().post("/api/v1/messages", request).text("id")).isEqualTo(first.text("id"));
        assertThat(telegram.sentMessages(connected.bot().token(), dan.id())).hasSize(2);
    }

    @Test
    void aSendTelegramRefusesFailsWithItsReason() {
        Connected connected = connectEchoBot("refused", "webhook");

        Api.Response sent = connected.tenant().api().post("/api/v1/messages", Map.of("integrationId",
                connected.integrationId(), "to", "777000777", "text", "nobody there"));

        eventually(() -> {
            JsonNode message = connected.tenant().api().get("/api/v1/messages/" + sent.text("id")).json();
            assertThat(message.path("status").asString()).isEqualTo("failed");
            assertThat(message.path("error").asString()).contains("chat not found");
            assertThat(message.path("attempts").asInt()).isEqualTo(1);
        });
    }

    private String webhookPath(Connected connected) {
        String url = connected.view().path("webhookUrl").asString();
        return url.substring(url.indexOf("/webhooks/"));
    }

    private Api.Response post(String path, byte[] body, Map<String, String> headers) {
        return anonymous().postRaw(path, "application/json", body, headers);
    }

    static String update(long updateId, long chatId, String text) {
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1764000000,
                 "from": {"id": %d, "is_bot": false, "first_name": "Guest"},
                 "chat": {"id": %d, "type": "private", "first_name": "Guest"}, "text": "%s"}}
                """.formatted(updateId, updateId % 100000, chatId, chatId, text);
    }
}
