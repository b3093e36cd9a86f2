package dev.switchboard.core.inbound;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A monotonic clock that moves only when told; it starts near the end of the long range, as nanoTime may. */
final class SteppedNanos implements LongSupplier {

    private long now = Long.MAX_VALUE - Duration.ofSeconds(10).toNanos();

    void advance(Duration by) {
        now += by.toNanos(); // wraps past Long.MAX_VALUE, as System.nanoTime may
    }

    @Override
    public long getAsLong() {
        return now;
    }
}
