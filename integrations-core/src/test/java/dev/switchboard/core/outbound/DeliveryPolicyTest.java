package dev.switchboard.core.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.config.SwitchboardProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private final DeliveryPolicy policy = new DeliveryPolicy(new SwitchboardProperties(null, null, null, null,
            new SwitchboardProperties.Worker(8, 16, Duration.ofMillis(250), Duration.ofSeconds(60)),
            new SwitchboardProperties.Delivery(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(24), true, 1.0,
                    new SwitchboardProperties.Circuit(10, 5, 50, Duration.ofSeconds(30), 1)),
            new SwitchboardProperties.Polling(Duration.ofSeconds(25), Duration.ofSeconds(5), Duration.ofSeconds(10)),
            new SwitchboardProperties.Jobs(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofHours(24), 16),
            new SwitchboardProperties.Agent(java.util.List.of("operator"), "a person will answer", "faq"), null));

    @RepeatedTest(20)
    void backsOffExponentiallyWithJitterWithinBounds() {
        assertThat(policy.delayAfter(1, Optional.empty())).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(policy.delayAfter(3, Optional.empty())).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(policy.delayAfter(30, Optional.empty())).isBetween(Duration.ofMinutes(2).plusSeconds(30),
                Duration.ofMinutes(5));
    }

    @RepeatedTest(20)
    void honoursTheProvidersRetryAfter() {
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(7))))
                .isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700));
    }

    @Test
    void expiresAfterTheMaximumAge() {
        Instant created = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(policy.expired(created, created.plus(Duration.ofHours(23)))).isFalse();
        assertThat(policy.expired(created, created.plus(Duration.ofHours(24)).plusSeconds(1))).isTrue();
    }
}
