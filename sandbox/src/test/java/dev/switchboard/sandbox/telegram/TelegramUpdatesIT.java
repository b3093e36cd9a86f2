package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** getUpdates: offsets, long polling, conflicts, filters, and the shape of injected updates. */
class TelegramUpdatesIT extends TelegramITBase {

    private List<Long> updateIds(BotApiClient.Reply reply) {
        List<Long> ids = new ArrayList<>();
        reply.result().forEach(update -> ids.add(update.path("update_id").asLong()));
        return ids;
    }

    private BotApiClient.Reply getUpdates(Map<String, String> params) {
        return api.form(token, "getUpdates", params);
    }

    @Test
    void offsetConfirmsEarlierUpdates() {
        long first = telegram.injectText(token, ann, "one");
        long second = telegram.injectText(token, ann, "two");
        long third = telegram.injectText(token, ann, "three");
        assertThat(second).isEqualTo(first + 1);
        assertThat(third).isEqualTo(first + 2);

        assertThat(updateIds(getUpdates(Map.of("limit", "2")))).containsExactly(first, second);
        assertThat(updateIds(getUpdates(Map.of("offset", Long.toString(second))))).containsExactly(second, third);
        assertThat(telegram.webhookInfo(token).pendingUpdateCount()).isEqualTo(2);
        assertThat(updateIds(getUpdates(Map.of("offset", Long.toString(third + 1), "timeout", "0")))).isEmpty();
        assertThat(telegram.webhookInfo(token).pendingUpdateCount()).isZero();
    }

    @Test
    void negativeOffsetKeepsTheLastUpdatesAndForgetsTheRest() {
        telegram.injectText(token, ann, "one");
        telegram.injectText(token, ann, "two");
        long third = telegram.injectText(token, ann, "three");

        assertThat(updateIds(getUpdates(Map.of("offset", "-1")))).containsExactly(third);
        assertThat(telegram.webhookInfo(token).pendingUpdateCount()).isEqualTo(1);
    }

    @Test
    void longPollReturnsAsSoonAsAnUpdateArrives() {
        long started = System.nanoTime();
        CompletableFuture<BotApiClient.Reply> poll = CompletableFuture.supplyAsync(
                () -> getUpdates(Map.of("timeout", "20")));
        sleep(200);
        assertThat(poll).isNotDone();

        long updateId = telegram.injectText(token, ann, "wake up");

        BotApiClient.Reply reply = poll.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(updateIds(reply)).containsExactly(updateId);
        assertThat(reply.result().get(0).path("message").path("text").asString()).isEqualTo("wake up");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void longPollWithNothingReturnsAnEmptyArrayAfterTheTimeout() {
        long started = System.nanoTime();

        BotApiClient.Reply reply = getUpdates(Map.of("timeout", "1"));

        assertThat(reply.result().isArray()).isTrue();
        assertThat(reply.result()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900),
                Duration.ofSeconds(3));
    }

    @Test
    void aRepeatedShortPollWithTheSameOffsetIsHeldLikeTheRealServer() {
        getUpdates(Map.of("offset", "0"));
        CompletableFuture<BotApiClient.Reply> repeat = CompletableFuture.supplyAsync(
                () -> getUpdates(Map.of("offset", "0")));
        sleep(300);
        assertThat(repeat).as("held as a 3 s long poll").isNotDone();

        long updateId = telegram.injectText(token, ann, "now");

        assertThat(updateIds(repeat.orTimeout(5, TimeUnit.SECONDS).join())).containsExactly(updateId);
    }

    @Test
    void aNewerPollEndsAnOlderOneWith409() {
        CompletableFuture<BotApiClient.Reply> older = CompletableFuture.supplyAsync(
                () -> getUpdates(Map.of("timeout", "20")));
        sleep(200);
        CompletableFuture<BotApiClient.Reply> newer = CompletableFuture.supplyAsync(
                () -> getUpdates(Map.of("timeout", "20", "offset", "1")));

        BotApiClient.Reply ended = older.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.description())
                .isEqualTo("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        long updateId = telegram.injectText(token, ann, "for the newer poll");
        assertThat(updateIds(newer.orTimeout(5, TimeUnit.SECONDS).join())).containsExactly(updateId);
    }

    @Test
    void getUpdatesConflictsWhileAWebhookIsSet() {
        telegram.allowInsecureWebhooks(true);
        CompletableFuture<BotApiClient.Reply> poll = CompletableFuture.supplyAsync(
                () -> getUpdates(Map.of("timeout", "20")));
        sleep(200);

        api.form(token, "setWebhook", Map.of("url", "http://127.0.0.1:9/hook"));

        BotApiClient.Reply ended = poll.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.description()).isEqualTo("Conflict: terminated by setWebhook request");
        BotApiClient.Reply refused = getUpdates(Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.description()).isEqualTo("Conflict: can't use getUpdates method while webhook is active; "
                + "use deleteWebhook to delete the webhook first");

        api.call(token, "deleteWebhook");
        assertThat(getUpdates(Map.of("offset", "1")).status()).isEqualTo(200);
    }

    @Test
    void allowedUpdatesFilterNewUpdates() {
        getUpdates(Map.of("allowed_updates", "[\"callback_query\"]"));

        assertThat(telegram.injectText(token, ann, "filtered out")).isZero();
        long callback = telegram.injectCallback(token, ann, 1, "tap");
        assertThat(callback).isPositive();
        assertThat(telegram.webhookInfo(token).allowedUpdates()).containsExactly("callback_query");

        getUpdates(Map.of("allowed_updates", "[]", "offset", Long.toString(callback + 1)));
        assertThat(telegram.injectText(token, ann, "welcome back")).isPositive();
        assertThat(telegram.injectRawUpdate(token, "{\"chat_member\":{\"chat\":{\"id\":1}}}"))
                .as("chat_member is opt-in").isZero();
    }

    @Test
    void injectedUpdatesHaveTelegramsShape() {
        telegram.injectText(token, ann, "/start BOOKING_7QX2");
        telegram.injectDocument(token, ann, "passport.pdf", "application/pdf");
        telegram.injectVoice(token, ann, 7);
        telegram.injectLocation(token, ann, 52.52, 13.405);
        telegram.injectContact(token, ann, "+4930123456", "Ann");

        JsonNode updates = getUpdates(Map.of()).result();

        JsonNode start = updates.get(0).path("message");
        assertThat(start.path("from").path("id").asLong()).isEqualTo(ANN_ID);
        assertThat(start.path("from").path("language_code").asString()).isEqualTo("en");
        assertThat(start.path("chat").path("id").asLong()).isEqualTo(ANN_ID);
        assertThat(start.path("chat").path("type").asString()).isEqualTo("private");
        assertThat(start.path("entities").get(0).path("type").asString()).isEqualTo("bot_command");
        assertThat(start.path("entities").get(0).path("length").asInt()).isEqualTo(6);
        assertThat(updates.get(1).path("message").path("document").path("mime_type").asString())
                .isEqualTo("application/pdf");
        assertThat(updates.get(2).path("message").path("voice").path("duration").asInt()).isEqualTo(7);
        assertThat(updates.get(3).path("message").path("location").path("longitude").asDouble()).isEqualTo(13.405);
        assertThat(updates.get(4).path("message").path("contact").path("user_id").asLong()).isEqualTo(ANN_ID);
        assertThat(updates.get(4).path("message").path("message_id").asLong()).isEqualTo(5);
    }

    @Test
    void callbackQueriesCarryTheBotMessageOrAStub() {
        annStarts();
        long messageId = sendText(ANN_ID, "Approve?").result().path("message_id").asLong();
        long first = telegram.injectCallback(token, ann, messageId, "bk:ok");
        telegram.injectCallback(token, ann, 999, "old");

        JsonNode updates = getUpdates(Map.of("offset", Long.toString(first))).result();

        JsonNode query = updates.get(0).path("callback_query");
        assertThat(query.path("id").asString()).isEqualTo(telegram.callbackQueryId(token, first)).matches("\\d+");
        assertThat(query.path("data").asString()).isEqualTo("bk:ok");
        assertThat(query.path("chat_instance").asString()).matches("-?\\d+");
        assertThat(query.path("message").path("text").asString()).isEqualTo("Approve?");
        assertThat(query.path("message").path("from").path("id").asLong()).isEqualTo(bot.id());
        JsonNode stub = updates.get(1).path("callback_query").path("message");
        assertThat(stub.path("date").asLong()).isZero();
        assertThat(stub.path("message_id").asLong()).isEqualTo(999);
    }

    @Test
    void groupMessagesUseTheGroupChat() {
        long group = telegram.group("Front desk");
        long supergroup = telegram.supergroup("Guests");
        assertThat(group).isNegative();
        assertThat(supergroup).isLessThan(-1_000_000_000_000L);

        telegram.injectText(token, group, ann, "hello group");

        JsonNode chat = getUpdates(Map.of()).result().get(0).path("message").path("chat");
        assertThat(chat.path("id").asLong()).isEqualTo(group);
        assertThat(chat.path("type").asString()).isEqualTo("group");
        assertThat(chat.path("title").asString()).isEqualTo("Front desk");
    }

    @Test
    void updatesExpireLikeTelegrams() {
        telegram.injectText(token, ann, "old message");
        telegram.injectCallback(token, ann, 1, "old tap");

        telegram.advanceClock(Duration.ofSeconds(151));
        assertThat(telegram.webhookInfo(token).pendingUpdateCount()).as("callback queries live 150 s").isEqualTo(1);

        telegram.advanceClock(Duration.ofHours(24));
        assertThat(getUpdates(Map.of()).result()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
