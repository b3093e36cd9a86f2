package dev.switchboard.sandbox.greenapi;

import java.time.Duration;

/** Emulator-wide knobs; each is read when it is needed, so changes apply to what comes next. */
final class Switches {

    static final Duration RETENTION = Duration.ofHours(24);

    volatile Duration toDelivered = Duration.ofSeconds(1);
    volatile Duration toRead = Duration.ofSeconds(3);
    volatile Duration webhookRetryDelay = Duration.ofSeconds(60);
    volatile Duration webhookTimeout = Duration.ofSeconds(180);
    volatile boolean bearerPrefix = true;
    volatile double sendDelayScale = 1.0;
    volatile Duration settingsRestart = Duration.ZERO;
    volatile Duration receiveTimeoutCap;
    volatile boolean rateLimits;
    volatile boolean pushPaused;

    /** The real gap between two queued sends for a configured delaySendMessagesMilliseconds. */
    Duration sendGap(long delayMillis) {
        return Duration.ofNanos((long) (delayMillis * 1_000_000L * sendDelayScale));
    }
}
