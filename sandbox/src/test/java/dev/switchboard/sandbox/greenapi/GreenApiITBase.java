package dev.switchboard.sandbox.greenapi;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One emulator per test class, reset before each test, with fast timelines and an authorized instance. */
abstract class GreenApiITBase {

    static final String ANN = "79001234568";
    static final String ANN_CHAT = ANN + "@c.us";

    static GreenApiEmulator green;
    static GreenClient api;

    Instance instance;

    @BeforeAll
    static void startEmulator() {
        green = GreenApiEmulator.start();
        api = new GreenClient(green.apiUrl(), green.mediaUrl());
    }

    @AfterAll
    static void stopEmulator() {
        green.close();
    }

    @BeforeEach
    void seed() {
        green.reset();
        green.statusTimeline(Duration.ofMillis(30), Duration.ofMillis(60));
        green.webhookRetryDelay(Duration.ofMillis(40));
        green.webhookTimeout(Duration.ofSeconds(2));
        green.bearerPrefix(true);
        green.pauseWebhooks(false);
        green.restartWindow(Duration.ZERO);
        green.sendDelayScale(0.01);
        green.receiveTimeoutCap(Duration.ofMillis(200));
        green.enforceRateLimits(false);
        instance = green.createInstance();
        green.registerWhatsAppUser(ANN);
    }

    void enable(String... switches) {
        Map<String, String> settings = new java.util.HashMap<>();
        for (String name : switches) {
            settings.put(name, "yes");
        }
        green.configure(instance.idInstance(), settings);
    }

    GreenClient.Reply sendText(String chatId, String text) {
        return api.post(instance, "sendMessage", "{\"chatId\":\"" + chatId + "\",\"message\":\"" + text + "\"}");
    }
}
