package dev.switchboard.sandbox.twilio;

import java.time.Duration;

/** Emulator-wide knobs, read when needed, so changes apply to what comes next. */
final class Switches {

    static final Duration WINDOW = Duration.ofHours(24);

    volatile Duration toSent = Duration.ofMillis(500);
    volatile Duration toDelivered = Duration.ofSeconds(1);
    volatile Duration toRead = Duration.ofSeconds(3);
    volatile boolean duplicateCallbacks;
    volatile boolean outOfOrderCallbacks;
    volatile boolean badSignatures;
    volatile Duration webhookTimeout = Duration.ofSeconds(15);
}
