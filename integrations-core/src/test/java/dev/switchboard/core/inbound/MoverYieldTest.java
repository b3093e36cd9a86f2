package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MoverYieldTest {

    private final SteppedNanos clock = new SteppedNanos();
    private final IngestPressure pressure = new IngestPressure(1, clock);
    private final MoverYield yielding = new MoverYield(Duration.ofSeconds(30), pressure, clock);

    @Test
    void yieldsOnlyDuringABurst() {
        assertThat(yielding.yieldsNow()).isFalse();
        pressure.arrived();
        assertThat(yielding.yieldsNow()).isTrue();
        pressure.answered();
        clock.advance(IngestPressure.HOLD);
        assertThat(yielding.yieldsNow()).isFalse();
    }

    @Test
    void yieldsForAtMostTheDelayAfterTheMoverLastCaughtUp() {
        pressure.arrived();
        clock.advance(Duration.ofSeconds(29));
        assertThat(yielding.yieldsNow()).isTrue();
        clock.advance(Duration.ofSeconds(1)); // past the end of the long range, where nanoTime wraps
        assertThat(yielding.yieldsNow()).as("the burst has waited long enough: the mover moves, whatever the load").isFalse();

        pass(InboxMover.Pass.MOVED, Duration.ofSeconds(2));
        assertThat(yielding.yieldsNow()).as("caught up: the burst may wait again").isTrue();
        clock.advance(Duration.ofSeconds(28));
        assertThat(yielding.yieldsNow()).as("counted from the start of the pass that caught up").isFalse();
    }

    @Test
    void onlyAPassThatTookAllThereWasCatchesUp() {
        pressure.arrived();
        clock.advance(Duration.ofSeconds(30));
        pass(InboxMover.Pass.FULL, Duration.ofMillis(100));
        pass(InboxMover.Pass.BUSY, Duration.ofMillis(100));
        assertThat(yielding.yieldsNow()).as("a full batch left more; another node's mover had the inbox").isFalse();
        pass(InboxMover.Pass.EMPTY, Duration.ofMillis(100));
        assertThat(yielding.yieldsNow()).isTrue();
    }

    private void pass(InboxMover.Pass pass, Duration taking) {
        yielding.passStarts();
        clock.advance(taking);
        yielding.passEnded(pass);
    }
}
