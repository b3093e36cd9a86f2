package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MoverYieldTest {

    private final SteppedClock clock = new SteppedClock();
    private final IngestPressure pressure = new IngestPressure(1, clock);
    private final MoverYield yield = new MoverYield(Duration.ofSeconds(30), pressure, clock);

    @Test
    void yieldsOnlyDuringABurst() {
        assertThat(yield.now()).isFalse();
        pressure.arrived();
        assertThat(yield.now()).isTrue();
        pressure.answered();
        clock.advance(IngestPressure.HOLD);
        assertThat(yield.now()).isFalse();
    }

    @Test
    void yieldsForAtMostTheDelayAfterTheMoverLastCaughtUp() {
        pressure.arrived();
        clock.advance(Duration.ofSeconds(29));
        assertThat(yield.now()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(yield.now()).as("the burst has waited long enough: the mover moves, whatever the load").isFalse();

        yield.caughtUp();
        assertThat(yield.now()).as("caught up: the burst may wait again").isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(yield.now()).isFalse();
    }
}
