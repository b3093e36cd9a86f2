package dev.switchboard.sandbox.twilio;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One emulator per class, reset before each test: an account with the sandbox sender, a receiver, fast timelines. */
abstract class TwilioITBase {

    static final String SENDER = "whatsapp:+14155238886";
    static final String ANN = "whatsapp:+5511900000001";

    static TwilioEmulator twilio;
    static TwilioClient api;

    Account account;
    FormReceiver receiver;

    @BeforeAll
    static void startEmulator() {
        twilio = TwilioEmulator.start();
        api = new TwilioClient(twilio.baseUrl());
    }

    @AfterAll
    static void stopEmulator() {
        twilio.close();
    }

    @BeforeEach
    void seed() {
        twilio.reset();
        twilio.statusTimeline(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(60));
        twilio.duplicateCallbacks(false);
        twilio.outOfOrderCallbacks(false);
        twilio.badSignatures(false);
        twilio.webhookTimeout(Duration.ofSeconds(2));
        account = twilio.createAccount();
        twilio.registerSender(account.sid(), SENDER);
        receiver = new FormReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** Ann writes first, so the 24-hour window is open. */
    void annWrites() {
        twilio.injectInbound(account.sid(), ANN, SENDER, "Hi", "Ann");
    }

    TwilioClient.Reply send(String... form) {
        return api.createMessage(account, TwilioClient.form(form));
    }
}
