package dev.switchboard.app.support;

import dev.switchboard.sandbox.google.GoogleEmulator;
import dev.switchboard.sandbox.greenapi.GreenApiEmulator;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.twilio.TwilioEmulator;
import java.time.Duration;

/** The provider emulators, one per test JVM, shared by every test (each test uses its own bots). */
public final class Sandboxes {

    private static TelegramEmulator telegram;
    private static GreenApiEmulator greenApi;
    private static TwilioEmulator twilio;
    private static GoogleEmulator google;

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

    public static synchronized GreenApiEmulator greenApi() {
        if (greenApi == null) {
            greenApi = GreenApiEmulator.start();
            greenApi.webhookRetryDelay(Duration.ofMillis(200));
            Runtime.getRuntime().addShutdownHook(new Thread(greenApi::close));
        }
        return greenApi;
    }

    public static synchronized GoogleEmulator google() {
        if (google == null) {
            google = GoogleEmulator.start();
            google.allowInsecurePushAddresses(true);
            google.pushRetry(Duration.ofMillis(100), Duration.ofSeconds(1), 5);
            Runtime.getRuntime().addShutdownHook(new Thread(google::close));
        }
        return google;
    }

    public static synchronized TwilioEmulator twilio() {
        if (twilio == null) {
            twilio = TwilioEmulator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(twilio::close));
        }
        return twilio;
    }
}
