package dev.switchboard.sandbox.telegram;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One emulator per test class, reset before every test, with a bot and a user whose id exceeds 32 bits. */
abstract class TelegramITBase {

    static final long ANN_ID = 5_000_000_001L;

    static TelegramEmulator telegram;
    static BotApiClient api;

    Bot bot;
    String token;
    TgUser ann;

    @BeforeAll
    static void startEmulator() {
        telegram = TelegramEmulator.start();
        api = new BotApiClient(telegram.baseUrl());
    }

    @AfterAll
    static void stopEmulator() {
        telegram.close();
    }

    @BeforeEach
    void seed() {
        telegram.reset();
        telegram.allowInsecureWebhooks(false);
        telegram.pauseDelivery(false);
        telegram.disableRateLimits();
        telegram.latency(Duration.ZERO);
        telegram.webhookRetry(Duration.ofMillis(20), Duration.ofMillis(100), Integer.MAX_VALUE);
        telegram.webhookResponseTimeout(Duration.ofSeconds(2));
        telegram.callbackAnswerWindow(Duration.ofMinutes(1));
        bot = telegram.createBot("acme_booking_bot");
        token = bot.token();
        ann = telegram.user(ANN_ID, "Ann", "ann", "en");
    }

    /** Ann presses Start, so the bot may write to her; returns the update_id. */
    long annStarts() {
        return telegram.injectText(token, ann, "/start");
    }

    BotApiClient.Reply sendText(long chatId, String text) {
        return api.form(token, "sendMessage", Map.of("chat_id", Long.toString(chatId), "text", text));
    }
}
