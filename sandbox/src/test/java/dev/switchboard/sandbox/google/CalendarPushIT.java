package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** events.watch, push notifications with their headers, retries, channels.stop and expiry. */
class CalendarPushIT extends GoogleITBase {

    private PushReceiver receiver;
    private String token;

    @BeforeEach
    void start() {
        receiver = new PushReceiver();
        google.allowInsecurePushAddresses(true);
        token = annToken();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10));
    }

    private JsonNode watch(String channelId, Long expiration) {
        String body = "{\"id\": \"" + channelId + "\", \"type\": \"web_hook\", \"address\": \"" + receiver.url()
                + "\", \"token\": \"tenant=42&sig=abc\"" + (expiration == null ? "" : ", \"expiration\": " + expiration)
                + "}";
        GoogleHttp.Reply reply = http.post(token, "calendars/primary/events/watch", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private void change(String summary) {
        google.createEventAsUser(ANN, "primary", summary, Instant.parse("2025-03-01T10:00:00Z"),
                Instant.parse("2025-03-01T11:00:00Z"));
    }

    @Test
    void watchSendsSyncThenExistsOnEveryChangeWithAllHeaders() {
        JsonNode channel = watch("3f1c2a90-0b6e-4d0a-9c39-7a1d6a2b8e11", null);
        assertThat(channel.path("kind").asString()).isEqualTo("api#channel");
        assertThat(channel.path("resourceId").asString()).isNotEmpty();
        assertThat(channel.path("resourceUri").asString()).contains("/calendar/v3/calendars/primary/events");
        assertThat(channel.path("token").asString()).isEqualTo("tenant=42&sig=abc");
        assertThat(channel.path("expiration").isString()).as("expiration is a string of millis").isTrue();

        eventually().until(() -> receiver.received().size() == 1);
        PushReceiver.Notification sync = receiver.received().get(0);
        assertThat(sync.state()).isEqualTo("sync");
        assertThat(sync.number()).isEqualTo(1);
        assertThat(sync.bodyLength()).isZero();
        assertThat(sync.header("X-Goog-Channel-ID")).isEqualTo("3f1c2a90-0b6e-4d0a-9c39-7a1d6a2b8e11");
        assertThat(sync.header("X-Goog-Channel-Token")).isEqualTo("tenant=42&sig=abc");
        assertThat(sync.header("X-Goog-Resource-ID")).isEqualTo(channel.path("resourceId").asString());
        assertThat(sync.header("X-Goog-Resource-URI")).isEqualTo(channel.path("resourceUri").asString());
        assertThat(sync.header("X-Goog-Channel-Expiration")).matches("\\w{3}, \\d{1,2} \\w{3} \\d{4} .* GMT");

        change("by the user");
        http.post(token, "calendars/primary/events", "{\"summary\":\"by the app\","
                + "\"start\":{\"dateTime\":\"2025-03-02T10:00:00Z\"},\"end\":{\"dateTime\":\"2025-03-02T11:00:00Z\"}}");
        eventually().until(() -> receiver.received().size() == 3);
        assertThat(receiver.received()).extracting(PushReceiver.Notification::state)
                .containsExactly("sync", "exists", "exists");
        assertThat(receiver.received()).extracting(PushReceiver.Notification::number).containsExactly(1L, 2L, 3L);
        assertThat(google.pushes()).allMatch(PushDelivery::delivered);
        assertThat(google.channels(ANN)).singleElement().satisfies(open -> {
            assertThat(open.active()).isTrue();
            assertThat(open.toString()).doesNotContain("sig=abc");
        });
    }

    @Test
    void failedDeliveriesAreRetriedOn503WithBackOffButNotOn404() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(notification -> calls.incrementAndGet() <= 2 ? 503 : 200);
        watch("retry-channel", null);
        eventually().until(() -> google.pushes().stream().anyMatch(PushDelivery::delivered));
        assertThat(google.pushes()).extracting(PushDelivery::attempt, PushDelivery::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 503), org.assertj.core.groups.Tuple.tuple(2, 503),
                        org.assertj.core.groups.Tuple.tuple(3, 200));
        assertThat(receiver.received()).extracting(PushReceiver.Notification::number).containsOnly(1L);

        receiver.answer(notification -> 404);
        change("lost");
        eventually().until(() -> google.pushes().size() == 4);
        change("also lost");
        eventually().until(() -> google.pushes().size() == 5);
        assertThat(google.pushes().subList(3, 5)).extracting(PushDelivery::status, PushDelivery::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(404, 1), org.assertj.core.groups.Tuple.tuple(404, 1));
    }

    @Test
    void aMessageIsDroppedAfterTheLastAttempt() {
        google.pushRetry(Duration.ofMillis(5), Duration.ofMillis(10), 3);
        receiver.answer(notification -> 500);
        watch("doomed", null);
        eventually().until(() -> google.pushes().size() == 3);
        receiver.answer(notification -> 200);
        change("next");
        eventually().until(() -> google.pushes().size() == 4);
        assertThat(google.pushes().get(3).resourceState()).isEqualTo("exists");
        assertThat(google.pushes().get(3).delivered()).isTrue();
    }

    @Test
    void stoppedChannelsGetNothingMore() {
        JsonNode channel = watch("to-stop", null);
        eventually().until(() -> receiver.received().size() == 1);
        GoogleHttp.Reply wrongResource = http.post(token, "channels/stop",
                "{\"id\": \"to-stop\", \"resourceId\": \"someone-elses\"}");
        assertThat(wrongResource.status()).isEqualTo(404);

        GoogleHttp.Reply stopped = http.post(token, "channels/stop",
                "{\"id\": \"to-stop\", \"resourceId\": \"" + channel.path("resourceId").asString() + "\"}");
        assertThat(stopped.status()).isEqualTo(204);
        assertThat(google.channels(ANN).get(0).active()).isFalse();
        change("after stop");
        watch("witness", null);
        eventually().until(() -> receiver.received().size() == 2);
        assertThat(receiver.received()).extracting(notification -> notification.header("X-Goog-Channel-ID"))
                .containsExactly("to-stop", "witness");
    }

    @Test
    void channelsExpireAndLongExpirationsAreShortened() {
        google.maxChannelLifetime(Duration.ofHours(1));
        long tooLate = google.now().plus(Duration.ofDays(30)).toEpochMilli();
        JsonNode channel = watch("short-lived", tooLate);
        long expiration = Long.parseLong(channel.path("expiration").asString());
        assertThat(expiration).isLessThanOrEqualTo(google.now().plus(Duration.ofHours(1)).toEpochMilli());
        eventually().until(() -> receiver.received().size() == 1);

        google.advanceClock(Duration.ofMinutes(61));
        change("after expiry");
        assertThat(google.channels(ANN).get(0).active()).isFalse();
        token = annToken(); // the old access token expired with the hour, too
        watch("witness", null);
        eventually().until(() -> receiver.received().size() == 2);
        assertThat(receiver.received().get(1).header("X-Goog-Channel-ID")).isEqualTo("witness");
    }

    @Test
    void watchRulesHttpsAndUniqueIds() {
        google.allowInsecurePushAddresses(false);
        GoogleHttp.Reply insecure = http.post(token, "calendars/primary/events/watch",
                "{\"id\": \"c1\", \"type\": \"web_hook\", \"address\": \"" + receiver.url() + "\"}");
        assertThat(insecure.status()).isEqualTo(400);
        assertThat(insecure.json().path("error").path("message").asString()).startsWith("WebHook callback must be HTTPS");

        google.allowInsecurePushAddresses(true);
        watch("c1", null);
        GoogleHttp.Reply duplicate = http.post(token, "calendars/primary/events/watch",
                "{\"id\": \"c1\", \"type\": \"web_hook\", \"address\": \"" + receiver.url() + "\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        GoogleHttp.Reply noAuth = http.post(null, "calendars/primary/events/watch",
                "{\"id\": \"c2\", \"type\": \"web_hook\", \"address\": \"" + receiver.url() + "\"}");
        assertThat(noAuth.status()).isEqualTo(401);
    }
}
