package dev.switchboard.core.queue;

import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.metrics.PipelineMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Work items a handler sets aside on this node for a moment, still leased to it, instead of
 * postponing them in the queue: a send told to go in 40 ms, when its bot's next token is due,
 * waits here. Through the queue the same wait cost a postponement, a claim, and the handler's
 * reads again when the item came back — more than a third of the statements of the end-to-end
 * benchmark's sends. The {@link WorkDispatcher} resumes each when due, ahead of newly claimed
 * items, on a worker with the item's tenant in context; a held item does not occupy a worker
 * meanwhile. When the node stops they go back to the queue, due at once; if it dies, their leases
 * expire and any node claims them, as with any item of a dead worker. {@code switchboard.work.held}
 * counts them.
 */
@Component
public class HeldWork {

    /** The longest a hold may last: a bot's line of tokens, a chat's next one; well inside the lease. */
    private static final Duration LONGEST = Duration.ofSeconds(2);
    /** Beyond this many held items a node postpones in the queue: the others are waiting too long already. */
    private static final int CAPACITY = 50_000;

    /** What to do with a held item when its time comes; it runs with the item's tenant in context. */
    @FunctionalInterface
    public interface Resumption {
        void run() throws Exception;
    }

    /** A held item and when it is due (nanoTime). */
    record Held(WorkItem item, long due, Resumption resumption) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(due, ((Held) other).due);
        }
    }

    private final DelayQueue<Held> held = new DelayQueue<>();
    private final WorkSignal signal;
    private final Duration longest;
    private final long halfLease;
    private volatile boolean open;

    public HeldWork(WorkSignal signal, SwitchboardProperties properties, PipelineMetrics metrics) {
        this.signal = signal;
        metrics.registry().gauge("switchboard.work.held", held, DelayQueue::size);
        Duration quarterLease = properties.worker().lease().dividedBy(4);
        this.longest = quarterLease.compareTo(LONGEST) < 0 ? quarterLease : LONGEST;
        this.halfLease = properties.worker().lease().toNanos() / 2;
    }

    /**
     * How long a hold may last now: zero when this node takes none (it is stopping, or holds too
     * many already), so a caller can ask for no more than it can hold.
     */
    public Duration available() {
        return open && held.size() < CAPACITY ? longest : Duration.ZERO;
    }

    /**
     * Holds {@code item} for {@code wait}, then runs {@code resumption}; false, holding nothing, when
     * the wait is longer than {@link #available()} allows, or would end with less than half the
     * item's lease left (held again and again, it could outlive the lease and be claimed twice):
     * the caller postpones it in the queue.
     */
    public boolean hold(WorkItem item, Duration wait, Resumption resumption) {
        long due = System.nanoTime() + wait.toNanos();
        if (wait.compareTo(available()) > 0 || due - (item.leaseEnds() - halfLease) > 0) {
            return false;
        }
        Held next = new Held(item, due, resumption);
        held.add(next);
        if (held.peek() == next) { // due before anything the dispatcher waits for: wake it to wait less
            signal.signal();
        }
        return true;
    }

    /** How many items this node holds. */
    public int size() {
        return held.size();
    }

    void open() {
        open = true;
    }

    /** The held items now due, earliest first. */
    List<Held> due() {
        List<Held> due = new ArrayList<>();
        held.drainTo(due);
        return due;
    }

    /** How long until the next held item is due; {@code ceiling} when none is due sooner. */
    Duration untilNext(Duration ceiling) {
        Held next = held.peek();
        if (next == null) {
            return ceiling;
        }
        long nanos = Math.max(0, next.getDelay(TimeUnit.NANOSECONDS));
        return nanos < ceiling.toNanos() ? Duration.ofNanos(nanos) : ceiling;
    }

    /** Takes no more holds and gives back every held item, due or not. */
    List<Held> close() {
        open = false;
        List<Held> all = new ArrayList<>();
        for (Held next = held.peek(); next != null; next = held.peek()) {
            if (held.remove(next)) {
                all.add(next);
            }
        }
        return all;
    }
}
