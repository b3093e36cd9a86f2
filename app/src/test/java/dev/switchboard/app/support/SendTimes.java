package dev.switchboard.app.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Rate checks over the times at which the emulator accepted sends. */
public final class SendTimes {

    private SendTimes() {
    }

    /** The most sends in any window of the given length (sliding over the sorted times). */
    public static int maxInAnyWindow(List<Instant> times, Duration window) {
        List<Instant> sorted = times.stream().sorted().toList();
        int max = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (!sorted.get(end).isBefore(sorted.get(start).plus(window))) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
