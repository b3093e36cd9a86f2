package dev.switchboard.sandbox.greenapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook push: Authorization token, one at a time in FIFO order, resend after anything but 200, retention. */
class GreenApiWebhookIT extends GreenApiITBase {

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WebhookReceiver();
        green.configure(instance.idInstance(), Map.of("webhookUrl", receiver.url(), "webhookUrlToken", "tok3n",
                "incomingWebhook", "yes"));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void pushesJsonWithTheTokenAsBearerAuthorization() {
        String idMessage = green.injectText(instance.idInstance(), ANN, "Ann", "hi");

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Push push = receiver.received().get(0);
        assertThat(push.authorization()).isEqualTo("Bearer tok3n");
        assertThat(push.contentType()).startsWith("application/json");
        assertThat(push.typeWebhook()).isEqualTo("incomingMessageReceived");
        assertThat(push.idMessage()).isEqualTo(idMessage);
        await().atMost(Duration.ofSeconds(3)).until(() -> green.deliveries(instance.idInstance()).size() == 1);
        GreenDelivery delivery = green.deliveries(instance.idInstance()).get(0);
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.typeWebhook()).isEqualTo("incomingMessageReceived");
        assertThat(green.pendingNotifications(instance.idInstance())).isZero();
    }

    @Test
    void aSwitchSendsTheBareTokenAndNoTokenMeansNoHeader() {
        green.bearerPrefix(false);
        green.injectText(instance.idInstance(), ANN, "Ann", "one");
        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().get(0).authorization()).isEqualTo("tok3n");

        green.configure(instance.idInstance(), Map.of("webhookUrlToken", ""));
        green.injectText(instance.idInstance(), ANN, "Ann", "two");
        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received().get(1).authorization()).isNull();
    }

    @Test
    void aNon200PausesTheQueueAndResendsTheSameItemFirst() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(push -> SandboxResponse.text(calls.incrementAndGet() <= 2 ? 500 : 200, "text/plain", ""));
        String first = green.injectText(instance.idInstance(), ANN, "Ann", "first");
        String second = green.injectText(instance.idInstance(), ANN, "Ann", "second");

        // the journal records a delivery once its answer is read, a moment after the receiver saw it
        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 4
                && green.deliveries(instance.idInstance()).size() == 4);

        assertThat(receiver.received()).extracting(WebhookReceiver.Push::idMessage)
                .containsExactly(first, first, first, second);
        assertThat(green.deliveries(instance.idInstance())).extracting(GreenDelivery::status)
                .containsExactly(500, 500, 200, 200);
        assertThat(receiver.maxInFlight()).isEqualTo(1);
    }

    @Test
    void only200CountsAsDelivered() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(push -> SandboxResponse.text(calls.incrementAndGet() == 1 ? 204 : 200, "text/plain", ""));
        green.injectText(instance.idInstance(), ANN, "Ann", "once");

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 2);

        assertThat(green.deliveries(instance.idInstance()).get(0).error()).isEqualTo("HTTP 204");
    }

    @Test
    void aTimeoutIsAFailureAndTheItemIsResent() {
        green.webhookTimeout(Duration.ofMillis(150));
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(push -> {
            if (calls.incrementAndGet() == 1) {
                sleep(600);
            }
            return SandboxResponse.text(200, "text/plain", "");
        });
        String idMessage = green.injectText(instance.idInstance(), ANN, "Ann", "slow");

        await().atMost(Duration.ofSeconds(3)).until(() -> green.deliveries(instance.idInstance()).stream()
                .anyMatch(GreenDelivery::delivered));

        List<GreenDelivery> deliveries = green.deliveries(instance.idInstance());
        assertThat(deliveries.get(0).status()).isZero();
        assertThat(deliveries.get(0).error()).contains("timeout");
        assertThat(deliveries).allSatisfy(delivery -> assertThat(delivery.idMessage()).isEqualTo(idMessage));
    }

    @Test
    void theRetryDelayFollowsEmulatorTime() {
        green.webhookRetryDelay(Duration.ofSeconds(60));
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(push -> SandboxResponse.text(calls.incrementAndGet() == 1 ? 503 : 200, "text/plain", ""));
        green.injectText(instance.idInstance(), ANN, "Ann", "hi");
        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);
        sleep(200);
        assertThat(receiver.received()).hasSize(1);

        green.advanceClock(Duration.ofSeconds(61));

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 2);
    }

    @Test
    void itemsStillFailingAfter24HoursAreDropped() {
        green.webhookRetryDelay(Duration.ofHours(1));
        receiver.answerStatus(500);
        green.injectText(instance.idInstance(), ANN, "Ann", "doomed");
        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);

        green.advanceClock(Duration.ofHours(25));

        await().atMost(Duration.ofSeconds(3)).until(() -> green.pendingNotifications(instance.idInstance()) == 0);
        sleep(200);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void redeliverLastPushesTheSameNotificationAgainForDeduplicationTests() {
        String idMessage = green.injectText(instance.idInstance(), ANN, "Ann", "twice");
        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);

        green.redeliverLast(instance.idInstance());

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received().get(1).body()).isEqualTo(receiver.received().get(0).body());
        assertThat(receiver.received().get(1).idMessage()).isEqualTo(idMessage);
    }

    @Test
    void statusesArePushedInOrderOneAtATime() {
        green.configure(instance.idInstance(), Map.of("outgoingWebhook", "yes", "outgoingAPIMessageWebhook", "yes"));
        String idMessage = sendText(ANN_CHAT, "Booked").json().path("idMessage").asString();

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 4);

        assertThat(receiver.types()).containsExactly("outgoingAPIMessageReceived", "outgoingMessageStatus",
                "outgoingMessageStatus", "outgoingMessageStatus");
        assertThat(receiver.received().subList(1, 4)).extracting(push -> push.body().path("status").asString())
                .containsExactly("sent", "delivered", "read");
        assertThat(receiver.received()).allSatisfy(push -> assertThat(push.idMessage()).isEqualTo(idMessage));
    }

    @Test
    void pausedPushesQueueUpAndFlowInOrderWhenResumed() {
        green.pauseWebhooks(true);
        String a = green.injectText(instance.idInstance(), ANN, "Ann", "a");
        String b = green.injectText(instance.idInstance(), ANN, "Ann", "b");
        String c = green.injectText(instance.idInstance(), ANN, "Ann", "c");
        assertThat(green.pendingNotifications(instance.idInstance())).isEqualTo(3);

        green.pauseWebhooks(false);

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 3);
        assertThat(receiver.received()).extracting(WebhookReceiver.Push::idMessage).containsExactly(a, b, c);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
