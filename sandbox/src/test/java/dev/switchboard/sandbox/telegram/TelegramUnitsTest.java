package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.RequestParams;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Small pure parts: tokens, parameters, retry schedule, flood control, the update queue. */
class TelegramUnitsTest {

    @Test
    void generatedTokensLookLikeBotFathers() {
        String token = Tokens.generate(new Random(7));

        assertThat(token).matches("^\\d{10}:AA[A-Za-z0-9_-]{33}$");
        assertThat(Tokens.botId(token)).isEqualTo(Long.parseLong(token.substring(0, 10)));
        assertThat(ApiPath.plausibleToken(token)).isTrue();
    }

    @Test
    void tokensAreMaskedForLogs() {
        assertThat(Tokens.mask("123456:AAbcdefghijklmnopqrstuvwxyz9")).isEqualTo("123456:AA…xyz9");
        assertThat(new Bot(123456, "x_bot", "123456:AAbcdefghijklmnopqrstuvwxyz9").toString())
                .doesNotContain("bcdefgh").contains("123456:AA…xyz9");
        assertThatThrownBy(() -> Tokens.botId("abc:def")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("def");
    }

    @Test
    void parametersAreReadLeniently() {
        TelegramParams params = new TelegramParams(RequestParams.of(Map.of("limit", "250", "offset", "12abc",
                "timeout", "x", "flag", " Yes ", "chat_id", "-1001234567890", "empty", "")));

        assertThat(params.intValue("limit", 100, 1, 100)).isEqualTo(100);
        assertThat(params.longValue("offset", 0)).isEqualTo(12);
        assertThat(params.intValue("timeout", 0, 0, 50)).isZero();
        assertThat(params.flag("flag")).isTrue();
        assertThat(params.numericChatId()).isEqualTo(OptionalLong.of(-1_001_234_567_890L));
        assertThat(params.string("empty")).isEmpty();
        assertThatThrownBy(() -> params.required("empty")).hasMessage("Bad Request: parameter \"empty\" is required");
    }

    @Test
    void retriesFollowTheBotApiSchedule() {
        EmulatorSettings settings = new EmulatorSettings();

        assertThat(settings.retryDelay(1)).isZero();
        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.retryDelay(30)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rateLimiterRefillsOverTime() {
        RateLimiter limiter = new RateLimiter();
        limiter.configure(new RateLimiter.Limits(1, 0, 30));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(limiter.acquire(1, OptionalLong.of(5), start)).isEmpty();
        assertThat(limiter.acquire(1, OptionalLong.of(5), start.plusMillis(100))).isEqualTo(OptionalInt.of(1));
        assertThat(limiter.acquire(1, OptionalLong.of(5), start.plusMillis(1000))).isEmpty();
    }

    @Test
    void groupLimitIsPerMinute() {
        RateLimiter limiter = new RateLimiter();
        limiter.configure(new RateLimiter.Limits(0, 20, 0));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        OptionalLong group = OptionalLong.of(-4_100_000_001L);

        for (int i = 0; i < 20; i++) {
            assertThat(limiter.acquire(1, group, start)).isEmpty();
        }
        assertThat(limiter.acquire(1, group, start)).isEqualTo(OptionalInt.of(3));
        assertThat(limiter.acquire(1, group, start.plusSeconds(3))).isEmpty();
        assertThat(limiter.acquire(2, group, start)).as("another bot has its own budget").isEmpty();
    }

    @Test
    void updateQueueConfirmsAndExpires() {
        UpdateQueue queue = new UpdateQueue(100);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        queue.add("message", Json.parse("{\"chat\":{\"id\":1}}"), now);
        queue.add("callback_query", Json.parse("{\"from\":{\"id\":1}}"), now);
        queue.add("message", Json.parse("{\"chat\":{\"id\":2}}"), now);

        assertThat(queue.first(10)).extracting(PendingUpdate::id).containsExactly(100L, 101L, 102L);
        assertThat(queue.get(100).queueKey()).isEqualTo(1);
        assertThat(queue.get(101).queueKey()).isEqualTo(1 + (3L << 33));
        queue.expire(now.plusSeconds(151));
        assertThat(queue.first(10)).extracting(PendingUpdate::id).containsExactly(100L, 102L);
        queue.confirm(101);
        assertThat(queue.first(10)).extracting(PendingUpdate::id).containsExactly(102L);
        assertThat(queue.get(102).json().path("update_id").asLong()).isEqualTo(102);
    }
}
