package dev.switchboard.app.demo;

import dev.switchboard.sandbox.greenapi.GreenApiEmulator;
import dev.switchboard.sandbox.greenapi.Instance;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.TgUser;
import java.time.Duration;
import java.util.Map;

/**
 * The demo's providers, running in this JVM on loopback ports: a Telegram Bot API emulator with the
 * demo bot and a Green API emulator with the demo WhatsApp instance, and the guest who writes to
 * both. Their tokens are fixed, so the demo tenant's stored credentials work again after a restart.
 * They are fake accounts on an emulator: nothing here is a secret.
 */
public final class DemoSandbox implements AutoCloseable {

    static final String BOT_USERNAME = "switchboard_demo_bot";
    static final String BOT_TOKEN = "7000000001:AAdemoDemoDemoDemoDemoDemoDemoDemo01";
    static final long INSTANCE_ID = 1101000001L;
    static final String INSTANCE_TOKEN = "d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3";
    static final String INSTANCE_PHONE = "79000000001";
    static final TgUser GUEST = new TgUser(5_000_000_001L, "Alex", "alex_guest", "en");
    static final String GUEST_PHONE = "79001234567";
    static final String GUEST_NAME = "Alex";

    private final TelegramEmulator telegram;
    private final GreenApiEmulator greenApi;
    private final Bot bot;
    private final Instance instance;
    private final PhoneChats chats;
    private final boolean owned;

    private DemoSandbox(TelegramEmulator telegram, GreenApiEmulator greenApi, boolean owned) {
        this.owned = owned;
        this.telegram = telegram;
        this.greenApi = greenApi;
        this.bot = telegram.createBot(BOT_USERNAME, BOT_TOKEN);
        telegram.user(GUEST.id(), GUEST.firstName(), GUEST.username(), GUEST.languageCode());
        this.instance = greenApi.createInstance(INSTANCE_ID, INSTANCE_TOKEN, INSTANCE_PHONE);
        greenApi.registerWhatsAppUser(GUEST_PHONE);
        this.chats = new PhoneChats(this);
    }

    /** Starts both emulators on free loopback ports, paced like a lively demo rather than like production. */
    public static DemoSandbox start() {
        TelegramEmulator telegram = TelegramEmulator.start();
        telegram.allowInsecureWebhooks(true);
        GreenApiEmulator greenApi = GreenApiEmulator.start();
        greenApi.sendDelayScale(0.2);
        greenApi.statusTimeline(Duration.ofSeconds(1), Duration.ofSeconds(3));
        return new DemoSandbox(telegram, greenApi, true);
    }

    /** The demo accounts on emulators someone else started and will close (tests). */
    public static DemoSandbox on(TelegramEmulator telegram, GreenApiEmulator greenApi) {
        return new DemoSandbox(telegram, greenApi, false);
    }

    /** The properties that point the channel clients at the emulators. */
    Map<String, Object> properties() {
        return Map.of("switchboard.telegram.api-url", telegram.baseUrl(),
                "switchboard.greenapi.default-api-url", greenApi.apiUrl(),
                "switchboard.greenapi.default-media-url", greenApi.mediaUrl());
    }

    public TelegramEmulator telegram() {
        return telegram;
    }

    public GreenApiEmulator greenApi() {
        return greenApi;
    }

    public Bot bot() {
        return bot;
    }

    public Instance instance() {
        return instance;
    }

    public PhoneChats chats() {
        return chats;
    }

    @Override
    public void close() {
        if (owned) {
            telegram.close();
            greenApi.close();
        }
    }
}
