package dev.switchboard.sandbox.greenapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.time.EmulatorClock;
import dev.switchboard.sandbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The small parts: paths, ids, status ordering, settings checks, rate windows and the scheduler. */
class GreenApiUnitsTest {

    @Test
    void apiPathsSplitIntoInstanceMethodTokenAndExtra() {
        ApiPath path = ApiPath.parse("/waInstance1101000001/deleteNotification/abc123/42").orElseThrow();

        assertThat(path.numericId()).isEqualTo(1_101_000_001L);
        assertThat(path.method()).isEqualTo("deleteNotification");
        assertThat(path.token()).isEqualTo("abc123");
        assertThat(path.extra()).isEqualTo("42");
        assertThat(ApiPath.parse("/waInstance1101000001/sendMessage").isPresent()).isFalse();
        assertThat(ApiPath.parse("/waInstanceabc/sendMessage/t").orElseThrow().numericId()).isEqualTo(-1);
        assertThat(path.toString()).doesNotContain("abc123");
    }

    @Test
    void idsLookLikeGreenApis() {
        Random random = new Random(7);

        assertThat(Ids.messageId(random)).matches("[0-9A-F]{16}");
        assertThat(Ids.incomingMessageId(random)).matches("[0-9A-F]{16}");
        assertThat(Ids.token(random)).matches("[0-9a-f]{50}");
    }

    @Test
    void statusesOnlyMoveForwardAndStopAtATerminalOne() {
        JournalEntry entry = JournalEntry.outgoing("BAE5F4886F6F2D05", 1, "79001234568@c.us", "textMessage",
                Json.object());

        assertThat(entry.json().path("statusMessage").asString()).isEqualTo("pending");
        assertThat(entry.advance("read")).isTrue();
        assertThat(entry.advance("delivered")).isFalse();
        assertThat(entry.advance("sent")).isFalse();
        assertThat(entry.json().path("statusMessage").asString()).isEqualTo("read");
        assertThat(entry.advance("failed")).isTrue();
        assertThat(entry.advance("failed")).isFalse();
        assertThat(entry.terminal()).isTrue();
    }

    @Test
    void settingsAreCheckedAllOrNothing() {
        InstanceSettings settings = new InstanceSettings("79001234567@c.us");

        assertThatThrownBy(() -> settings.apply(Map.of("incomingWebhook", "yes", "stateWebhook", "sometimes")))
                .isInstanceOf(GreenApiException.class);
        assertThat(settings.on("incomingWebhook")).isFalse();
        settings.apply(Map.of("incomingWebhook", "yes", "delaySendMessagesMilliseconds", 500));
        assertThat(settings.on("incomingWebhook")).isTrue();
        assertThat(settings.delaySendMessagesMillis()).isEqualTo(500);
        GreenApiException tooFast = catchGreen(() -> settings.apply(Map.of("delaySendMessagesMilliseconds", 499)));
        assertThat(tooFast.status()).isEqualTo(400);
        assertThat(tooFast.response().bodyText()).startsWith("Validation failed. Details:");
    }

    @Test
    void theRateWindowSlidesOverOneSecond() {
        RateLimiter limiter = new RateLimiter();
        Instant start = Instant.parse("2025-03-01T10:00:00Z");

        assertThat(limiter.tryAcquire(1, "getSettings", start)).isTrue();
        assertThat(limiter.tryAcquire(1, "getSettings", start.plusMillis(999))).isFalse();
        assertThat(limiter.tryAcquire(2, "getSettings", start.plusMillis(999))).isTrue();
        assertThat(limiter.tryAcquire(1, "getSettings", start.plusMillis(1001))).isTrue();
        assertThat(limiter.tryAcquire(1, "showMessagesQueue", start)).isTrue();
    }

    @Test
    void scheduledTasksRunWhenTheClockIsAdvancedPastThem() throws InterruptedException {
        EmulatorClock clock = new EmulatorClock();
        try (Scheduler scheduler = new Scheduler(clock, "test-scheduler")) {
            CountDownLatch ran = new CountDownLatch(1);
            scheduler.after(Duration.ofHours(1), ran::countDown);
            assertThat(ran.await(100, TimeUnit.MILLISECONDS)).isFalse();

            clock.advance(Duration.ofHours(1));
            scheduler.poke();

            assertThat(ran.await(2, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void errorsCarryGreenApiBodies() {
        assertThat(GreenErrors.forStatus(502, "sendMessage").bodyText()).contains("<center>nginx</center>");
        assertThat(GreenErrors.forStatus(401, "sendMessage").body()).isEmpty();
        assertThat(GreenErrors.forStatus(429, "sendMessage").bodyText()).isEqualTo("Too Many Requests");
        assertThat(Json.parse(GreenErrors.forStatus(466, "checkWhatsapp").body()).path("invokeStatus")
                .path("method").asString()).isEqualTo("checkwhatsapp");
        assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileTypesFollowTheExtension() {
        assertThat(FileStore.typeMessageFor("a.JPG")).isEqualTo("imageMessage");
        assertThat(FileStore.typeMessageFor("a.ogg")).isEqualTo("audioMessage");
        assertThat(FileStore.typeMessageFor("a.mp4")).isEqualTo("videoMessage");
        assertThat(FileStore.typeMessageFor("a.pdf")).isEqualTo("documentMessage");
        assertThat(FileStore.extension("noext")).isEmpty();
        assertThat(FileStore.extension("trailing.")).isEmpty();
    }

    private static GreenApiException catchGreen(Runnable action) {
        try {
            action.run();
        } catch (GreenApiException e) {
            return e;
        }
        throw new AssertionError("expected a GreenApiException");
    }
}
