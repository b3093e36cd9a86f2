package dev.switchboard.sandbox.google;

import java.time.Duration;

/** Switches that survive {@link GoogleEmulator#reset()}. */
final class GoogleSettings {

    /** Google's access tokens live an hour; the token response says 3599. */
    static final Duration DEFAULT_ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3599);

    volatile Duration accessTokenLifetime = DEFAULT_ACCESS_TOKEN_LIFETIME;
    volatile boolean enforceScopes = true;
    volatile boolean insecurePushAddresses;
    /** Longer requested expirations are shortened to this. */
    volatile Duration maxChannelLifetime = Duration.ofDays(7);
    volatile Duration pushInitialBackoff = Duration.ofSeconds(1);
    volatile Duration pushMaxBackoff = Duration.ofMinutes(1);
    volatile int pushMaxAttempts = 8;
    volatile Duration pushResponseTimeout = Duration.ofSeconds(10);

    /** initial, 2·initial, 4·initial, ... capped. */
    Duration pushRetryDelay(int failures) {
        Duration delay = pushInitialBackoff;
        for (int i = 1; i < failures && delay.compareTo(pushMaxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(pushMaxBackoff) > 0 ? pushMaxBackoff : delay;
    }
}
