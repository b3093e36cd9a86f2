package dev.switchboard.core.outbound;

import dev.switchboard.core.config.SwitchboardProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * When to try a failed send again: exponential back-off with jitter, capped, and never sooner
 * than the provider asked ({@code retry_after}); and when to give up on a message altogether.
 */
@Component
public class DeliveryPolicy {

    private final SwitchboardProperties.Delivery config;

    public DeliveryPolicy(SwitchboardProperties properties) {
        this.config = properties.delivery();
    }

    /** @param attempts how many attempts were made so far (1 after the first failure) */
    public Duration delayAfter(int attempts, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.plusMillis(ThreadLocalRandom.current().nextLong(asked.toMillis() / 10 + 1));
        }
        long initial = config.initialBackoff().toMillis();
        long exponential = initial << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(exponential, config.maxBackoff().toMillis());
        // "equal jitter": at least half the delay, so retries stay spread but never collapse to zero
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    public boolean expired(Instant createdAt, Instant at) {
        return at.isAfter(createdAt.plus(config.maxAge()));
    }

    public Duration maxAge() {
        return config.maxAge();
    }
}
