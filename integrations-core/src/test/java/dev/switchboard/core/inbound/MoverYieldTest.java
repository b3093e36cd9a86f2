package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.config.SwitchboardProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MoverYieldTest {

    private final IngestPressure pressure = new IngestPressure();
    private final SteppedClock clock = new SteppedClock();

    @Test
    void yieldsOnlyWhileEnoughWebhooksWait() {
        MoverYield yield = yieldAt(3, Duration.ofSeconds(30));
        waiting(2);
        assertThat(yield.now()).isFalse();
        waiting(1);
        assertThat(yield.now()).isTrue();
        pressure.answered();
        assertThat(yield.now()).isFalse();
    }

    @Test
    void yieldsForAtMostTheDelayAfterTheMoverLastCaughtUp() {
        MoverYield yield = yieldAt(1, Duration.ofSeconds(30));
        waiting(5);
        clock.advance(Duration.ofSeconds(29));
        assertThat(yield.now()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(yield.now()).as("the burst has waited long enough: the mover moves, whatever the load").isFalse();

        yield.caughtUp();
        assertThat(yield.now()).as("caught up: the next burst may wait again").isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(yield.now()).isFalse();
    }

    @Test
    void neverYieldsWhenTurnedOff() {
        MoverYield yield = yieldAt(0, Duration.ofSeconds(30));
        assertThat(yield.now()).isFalse();
        waiting(100);
        assertThat(yield.now()).isFalse();
    }

    private MoverYield yieldAt(int webhooks, Duration delay) {
        return new MoverYield(new SwitchboardProperties.Inbox(webhooks, delay), pressure, clock);
    }

    private void waiting(int webhooks) {
        for (int i = 0; i < webhooks; i++) {
            pressure.arrived();
        }
    }

    /** A clock that moves only when told. */
    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
