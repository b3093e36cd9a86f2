package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Optional flood control (1/s per chat, N/min per group, N/s per bot) and added latency. */
class TelegramRateLimitIT extends TelegramITBase {

    @BeforeEach
    void annHasStarted() {
        annStarts();
    }

    @Test
    void offByDefault() {
        for (int i = 0; i < 5; i++) {
            assertThat(sendText(ANN_ID, "burst " + i).status()).isEqualTo(200);
        }
    }

    @Test
    void perChatLimitAnswers429WithRetryAfter() {
        telegram.enforceRateLimits(1, 0, 0);

        assertThat(sendText(ANN_ID, "first").status()).isEqualTo(200);
        BotApiClient.Reply second = sendText(ANN_ID, "second");

        assertThat(second.status()).isEqualTo(429);
        assertThat(second.description()).isEqualTo("Too Many Requests: retry after 1");
        assertThat(second.body().path("parameters").path("retry_after").asInt()).isEqualTo(1);
        TgUser bob = telegram.user(6_000_000_002L, "Bob", null, null);
        telegram.injectText(token, bob, "/start");
        assertThat(sendText(bob.id(), "other chats are not affected").status()).isEqualTo(200);

        telegram.advanceClock(Duration.ofSeconds(1));
        assertThat(sendText(ANN_ID, "after waiting").status()).isEqualTo(200);
        assertThat(telegram.sentMessages(token, ANN_ID)).extracting(SentMessage::text)
                .containsExactly("first", "after waiting");
    }

    @Test
    void perGroupLimitCountsPerMinute() {
        telegram.enforceRateLimits(0, 3, 0);
        long group = telegram.group("Front desk");

        for (int i = 0; i < 3; i++) {
            assertThat(sendText(group, "news " + i).status()).isEqualTo(200);
        }
        BotApiClient.Reply fourth = sendText(group, "one too many");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.body().path("parameters").path("retry_after").asInt()).isEqualTo(20);
        assertThat(sendText(ANN_ID, "private chats are not groups").status()).isEqualTo(200);
    }

    @Test
    void perBotLimitSpansChats() {
        telegram.enforceRateLimits(0, 0, 2);
        long group = telegram.group("Front desk");

        assertThat(sendText(ANN_ID, "one").status()).isEqualTo(200);
        assertThat(sendText(group, "two").status()).isEqualTo(200);
        assertThat(sendText(ANN_ID, "three").status()).isEqualTo(429);
        assertThat(api.call(token, "getMe").status()).as("only sends are limited").isEqualTo(200);
    }

    @Test
    void latencyDelaysEveryCall() {
        telegram.latency(Duration.ofMillis(150));
        long started = System.nanoTime();

        api.call(token, "getMe");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
