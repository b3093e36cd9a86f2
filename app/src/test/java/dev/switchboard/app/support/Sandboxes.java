package dev.switchboard.app.support;

import dev.switchboard.sandbox.telegram.TelegramEmulator;
import java.time.Duration;

/** The provider emulators, one per test JVM, shared by every test (each test uses its own bots). */
public final class Sandboxes {

    private static TelegramEmulator telegram;

    private Sandboxes() {
    }

    public static synchronized TelegramEmulator telegram() {
        if (telegram == null) {
            telegram = TelegramEmulator.start();
            telegram.allowInsecureWebhooks(true);
            telegram.webhookRetry(Duration.ofMillis(100), Duration.ofSeconds(1), 50);
            Runtime.getRuntime().addShutdownHook(new Thread(telegram::close));
        }
        return telegram;
    }
}
