package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.sandbox.http.SandboxHttpServer;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** setWebhook rules and webhook delivery: secret header, retries, concurrency, order, expiry. */
class TelegramWebhookIT extends TelegramITBase {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10));
    }

    /** Telegram accepts a new URL once a second; tests step the emulator clock instead of waiting. */
    private BotApiClient.Reply setWebhook(Map<String, String> params) {
        telegram.advanceClock(Duration.ofSeconds(1));
        return api.form(token, "setWebhook", params);
    }

    private BotApiClient.Reply setReceiverWebhook(Map<String, String> extra) {
        telegram.allowInsecureWebhooks(true);
        Map<String, String> params = new HashMap<>(extra);
        params.put("url", receiver.url());
        BotApiClient.Reply reply = setWebhook(params);
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    private JsonNode webhookInfo() {
        return api.call(token, "getWebhookInfo").result();
    }

    @Test
    void webhookUrlsMustBeHttpsOnTelegramsPorts() {
        BotApiClient.Reply port = setWebhook(Map.of("url", "https://hooks.example.com:8080/tg"));
        assertThat(port.status()).isEqualTo(400);
        assertThat(port.description())
                .isEqualTo("Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
        assertThat(setWebhook(Map.of("url", "http://hooks.example.com/tg")).description())
                .isEqualTo("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        assertThat(setWebhook(Map.of("url", "https://")).description())
                .isEqualTo("Bad Request: invalid webhook URL specified");

        BotApiClient.Reply ok = setWebhook(Map.of("url", "https://hooks.example.com:8443/tg"));
        assertThat(ok.result().asBoolean()).isTrue();
        assertThat(ok.body().path("description").asString()).isEqualTo("Webhook was set");
        assertThat(setWebhook(Map.of("url", "https://hooks.example.com:8443/tg")).description())
                .isEqualTo("Webhook is already set");
    }

    @Test
    void theInsecureSwitchAllowsPlainHttpOnAnyPort() {
        assertThat(setWebhook(Map.of("url", "http://127.0.0.1:8080/hook")).status()).isEqualTo(400);

        telegram.allowInsecureWebhooks(true);

        assertThat(setWebhook(Map.of("url", "http://127.0.0.1:8080/hook")).status()).isEqualTo(200);
        assertThat(telegram.webhookInfo(token).url()).isEqualTo("http://127.0.0.1:8080/hook");
    }

    @Test
    void secretTokensAreValidated() {
        assertThat(setWebhook(Map.of("url", "https://example.com/tg", "secret_token", "not allowed!")).description())
                .isEqualTo("Bad Request: secret token contains unallowed characters");
        assertThat(setWebhook(Map.of("url", "https://example.com/tg", "secret_token", "s".repeat(257))).description())
                .isEqualTo("Bad Request: secret token is too long");

        assertThat(setWebhook(Map.of("url", "https://example.com/tg", "secret_token", "A-z_09".repeat(40))).status())
                .isEqualTo(200);
        assertThat(telegram.webhookInfo(token).secret()).isEqualTo("A-z_09".repeat(40));
    }

    @Test
    void settingWebhooksIsFloodLimited() {
        assertThat(setWebhook(Map.of("url", "https://example.com/a")).status()).isEqualTo(200);

        BotApiClient.Reply again = api.form(token, "setWebhook", Map.of("url", "https://example.com/b"));

        assertThat(again.status()).isEqualTo(429);
        assertThat(again.description()).isEqualTo("Too Many Requests: retry after 1");
        assertThat(again.body().path("parameters").path("retry_after").asInt()).isEqualTo(1);
    }

    @Test
    void webhookInfoHasTelegramsFields() {
        JsonNode none = webhookInfo();
        assertThat(none.path("url").asString()).isEmpty();
        assertThat(none.path("has_custom_certificate").asBoolean()).isFalse();
        assertThat(none.path("pending_update_count").asInt()).isZero();
        assertThat(none.has("max_connections")).isFalse();

        setWebhook(Map.of("url", "https://example.com/tg", "max_connections", "500",
                "allowed_updates", "[\"message\",\"callback_query\"]"));

        JsonNode set = webhookInfo();
        assertThat(set.path("url").asString()).isEqualTo("https://example.com/tg");
        assertThat(set.path("max_connections").asInt()).as("clamped like the Bot API").isEqualTo(100);
        assertThat(set.path("allowed_updates")).extracting(JsonNode::asString).containsExactly("message", "callback_query");
        assertThat(api.call(token, "deleteWebhook").body().path("description").asString()).isEqualTo("Webhook was deleted");
        assertThat(api.call(token, "deleteWebhook").body().path("description").asString())
                .isEqualTo("Webhook is already deleted");
    }

    @Test
    void updatesArePostedWithTheSecretHeader() {
        setReceiverWebhook(Map.of("secret_token", "s3cr3t_Token-1"));

        long updateId = telegram.injectText(token, ann, "hello hook");

        eventually().until(() -> receiver.received().size() == 1);
        WebhookReceiver.Delivery delivery = receiver.received().get(0);
        assertThat(delivery.secretHeader()).isEqualTo("s3cr3t_Token-1");
        assertThat(delivery.contentType()).isEqualTo("application/json");
        assertThat(delivery.rawBody()).startsWith("{\"update_id\":" + updateId + ",\n\"message\":{");
        assertThat(delivery.update().path("message").path("text").asString()).isEqualTo("hello hook");
        eventually().until(() -> telegram.webhookInfo(token).pendingUpdateCount() == 0);
        assertThat(telegram.deliveries(token)).singleElement()
                .satisfies(attempt -> assertThat(attempt.delivered()).isTrue())
                .satisfies(attempt -> assertThat(attempt.status()).isEqualTo(200));
    }

    @Test
    void failedDeliveriesAreRetriedUntilTheyGetThrough() {
        AtomicBoolean healthy = new AtomicBoolean(false);
        receiver.answer(delivery -> SandboxResponse.text(healthy.get() ? 200 : 500, "text/plain", ""));
        setReceiverWebhook(Map.of());

        long updateId = telegram.injectText(token, ann, "try again");

        eventually().until(() -> receiver.received().size() >= 3);
        JsonNode failing = webhookInfo();
        assertThat(failing.path("pending_update_count").asInt()).isEqualTo(1);
        assertThat(failing.path("last_error_message").asString())
                .isEqualTo("Wrong response from the webhook: 500 Internal Server Error");
        assertThat(failing.path("last_error_date").asLong()).isPositive();

        healthy.set(true);

        eventually().until(() -> telegram.webhookInfo(token).pendingUpdateCount() == 0);
        assertThat(receiver.receivedIds()).allMatch(id -> id == updateId);
        List<DeliveryAttempt> attempts = telegram.deliveries(token);
        assertThat(attempts.get(0).status()).isEqualTo(500);
        assertThat(attempts.get(0).error()).isEqualTo("Wrong response from the webhook: 500 Internal Server Error");
        assertThat(attempts.get(attempts.size() - 1).delivered()).isTrue();
        assertThat(attempts).extracting(DeliveryAttempt::attempt).startsWith(1, 2, 3);
    }

    @Test
    void retryAfterFromTheReceiverIsHonoured() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(delivery -> calls.incrementAndGet() == 1
                ? SandboxResponse.text(429, "text/plain", "").withHeader("Retry-After", "30")
                : SandboxResponse.text(200, "text/plain", ""));
        setReceiverWebhook(Map.of());

        telegram.injectText(token, ann, "later please");
        eventually().until(() -> calls.get() == 1);
        sleep(300);
        assertThat(calls.get()).as("no retry before Retry-After").isEqualTo(1);

        telegram.advanceClock(Duration.ofSeconds(31));

        eventually().until(() -> telegram.webhookInfo(token).pendingUpdateCount() == 0);
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void atMostMaxConnectionsDeliveriesRunAtOnce() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        receiver.answer(delivery -> {
            if (!delivery.update().path("message").path("text").asString().equals("warm-up")) {
                awaitRelease(release);
            }
            return SandboxResponse.text(200, "text/plain", "");
        });
        setReceiverWebhook(Map.of("max_connections", "3"));
        telegram.injectText(token, ann, "warm-up");
        eventually().until(() -> telegram.webhookInfo(token).pendingUpdateCount() == 0);

        for (int i = 0; i < 8; i++) {
            TgUser guest = telegram.user(7_000_000_000L + i, "Guest" + i, null, null);
            telegram.injectText(token, guest, "hello " + i);
        }

        eventually().until(() -> receiver.received().size() == 4);
        Thread.sleep(300);
        assertThat(receiver.received()).as("3 in flight plus the warm-up").hasSize(4);
        release.countDown();
        eventually().until(() -> receiver.received().size() == 9);
        assertThat(receiver.maxInFlight()).isEqualTo(3);
    }

    @Test
    void aFailingWebhookGetsOneConnectionUntilADeliverySucceeds() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        receiver.answer(delivery -> {
            awaitRelease(release);
            return SandboxResponse.text(200, "text/plain", "");
        });
        setReceiverWebhook(Map.of("max_connections", "5"));

        for (int i = 0; i < 3; i++) {
            telegram.injectText(token, telegram.user(7_100_000_000L + i, "Guest", null, null), "hi");
        }

        eventually().until(() -> receiver.received().size() == 1);
        Thread.sleep(300);
        assertThat(receiver.received()).hasSize(1);
        release.countDown();
        eventually().until(() -> receiver.received().size() == 3);
    }

    @Test
    void oneChatsUpdatesArriveInOrderEvenAcrossRetries() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(delivery -> SandboxResponse.text(calls.incrementAndGet() == 1 ? 502 : 200, "text/plain", ""));
        setReceiverWebhook(Map.of("max_connections", "1"));
        telegram.pauseDelivery(true);
        long first = telegram.injectText(token, ann, "one");
        telegram.injectText(token, ann, "two");
        telegram.injectText(token, ann, "three");

        telegram.pauseDelivery(false);

        eventually().until(() -> receiver.received().size() == 4);
        assertThat(receiver.receivedIds()).containsExactly(first, first, first + 1, first + 2);
        assertThat(telegram.webhookInfo(token).lastErrorMessage())
                .isEqualTo("Wrong response from the webhook: 502 Bad Gateway");
    }

    @Test
    void updatesAreDroppedAfterTheAttemptBudget() {
        telegram.webhookRetry(Duration.ofMillis(10), Duration.ofMillis(20), 3);
        receiver.answerStatus(500);
        setReceiverWebhook(Map.of());

        telegram.injectText(token, ann, "doomed");

        eventually().until(() -> telegram.webhookInfo(token).pendingUpdateCount() == 0);
        sleep(200);
        assertThat(receiver.received()).hasSize(3);
        assertThat(telegram.deliveries(token)).allMatch(attempt -> !attempt.delivered());
    }

    @Test
    void slowReceiversTimeOut() {
        telegram.webhookResponseTimeout(Duration.ofMillis(200));
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(delivery -> {
            if (calls.incrementAndGet() == 1) {
                sleep(1_000);
            }
            return SandboxResponse.text(200, "text/plain", "");
        });
        setReceiverWebhook(Map.of());

        telegram.injectText(token, ann, "slowly");

        eventually().until(() -> telegram.webhookInfo(token).pendingUpdateCount() == 0);
        assertThat(telegram.deliveries(token).get(0).error()).isEqualTo("Read timeout expired");
        assertThat(telegram.deliveries(token).get(0).status()).isZero();
        assertThat(telegram.webhookInfo(token).lastErrorMessage()).isEqualTo("Read timeout expired");
    }

    @Test
    void unreachableReceiversAreReportedAndRetried() {
        SandboxHttpServer gone = SandboxHttpServer.start(0);
        String url = gone.baseUrl() + "/hook";
        gone.close();
        telegram.allowInsecureWebhooks(true);
        setWebhook(Map.of("url", url));

        telegram.injectText(token, ann, "anyone there?");

        eventually().until(() -> "Connection refused".equals(telegram.webhookInfo(token).lastErrorMessage()));
        assertThat(telegram.webhookInfo(token).pendingUpdateCount()).isEqualTo(1);
        assertThat(telegram.webhookInfo(token).lastErrorDate()).isNotNull();
    }

    @Test
    void pausedDeliveryKeepsUpdatesQueued() {
        setReceiverWebhook(Map.of());
        telegram.pauseDelivery(true);

        telegram.injectText(token, ann, "wait");
        sleep(200);
        assertThat(receiver.received()).isEmpty();
        assertThat(webhookInfo().path("pending_update_count").asInt()).isEqualTo(1);

        telegram.pauseDelivery(false);
        eventually().until(() -> receiver.received().size() == 1);
    }

    @Test
    void dropPendingUpdatesDiscardsTheBacklog() {
        telegram.injectText(token, ann, "one");
        telegram.injectText(token, ann, "two");
        telegram.pauseDelivery(true);

        setReceiverWebhook(Map.of("drop_pending_updates", "true"));

        assertThat(telegram.webhookInfo(token).pendingUpdateCount()).isZero();
    }

    @Test
    void deletingTheWebhookBehindTheClientsBackRevertsToPolling() {
        setReceiverWebhook(Map.of());
        telegram.pauseDelivery(true);
        long updateId = telegram.injectText(token, ann, "queued");

        telegram.deleteWebhookBehindBack(token);

        assertThat(webhookInfo().path("url").asString()).isEmpty();
        assertThat(api.call(token, "getUpdates").result().get(0).path("update_id").asLong()).isEqualTo(updateId);
    }

    @Test
    void undeliveredUpdatesExpireAfterADay() {
        setReceiverWebhook(Map.of());
        telegram.pauseDelivery(true);
        telegram.injectText(token, ann, "stale");

        telegram.advanceClock(Duration.ofHours(25));

        assertThat(webhookInfo().path("pending_update_count").asInt()).isZero();
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
