package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestPressureTest {

    private final SteppedNanos clock = new SteppedNanos();

    @Test
    void aBurstIsEnoughWebhooksWaitingAtOnce() {
        IngestPressure pressure = new IngestPressure(3, clock);
        arrive(pressure, 2);
        assertThat(pressure.inBurst()).isFalse();
        arrive(pressure, 1);
        assertThat(pressure.inBurst()).isTrue();
    }

    @Test
    void aBurstGoesOnForAMomentAfterTheWaitingDipBelowTheMark() {
        IngestPressure pressure = new IngestPressure(3, clock);
        arrive(pressure, 3);
        answer(pressure, 3);
        clock.advance(IngestPressure.HOLD.minusMillis(1));
        assertThat(pressure.inBurst()).as("between two commits of a steady load").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(pressure.inBurst()).isFalse();
    }

    @Test
    void webhooksStillWaitingKeepTheBurstGoing() {
        IngestPressure pressure = new IngestPressure(3, clock);
        arrive(pressure, 3);
        clock.advance(IngestPressure.HOLD.multipliedBy(4));
        assertThat(pressure.inBurst()).isTrue();
        answer(pressure, 1);
        assertThat(pressure.inBurst()).isFalse();
    }

    @Test
    void neverABurstWhenTurnedOff() {
        IngestPressure pressure = new IngestPressure(0, clock);
        arrive(pressure, 100);
        assertThat(pressure.inBurst()).isFalse();
    }

    private static void arrive(IngestPressure pressure, int webhooks) {
        for (int i = 0; i < webhooks; i++) {
            pressure.arrived();
        }
    }

    private static void answer(IngestPressure pressure, int webhooks) {
        for (int i = 0; i < webhooks; i++) {
            pressure.answered();
        }
    }
}
