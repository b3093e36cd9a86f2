package dev.switchboard.sandbox.time;

import dev.switchboard.sandbox.http.SandboxThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks at instants of the emulator clock on one daemon thread. Advancing the clock
 * ({@link #poke}) makes due tasks run at once, so queue gaps, status timelines and webhook
 * retries all follow emulator time. Tasks must be short: they take the state lock briefly and
 * hand any HTTP work to another thread.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private record Task(Instant due, long sequence, Runnable action) {
    }

    private final EmulatorClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparing(Task::due).thenComparingLong(Task::sequence));
    private final String name;
    private long sequence;
    private boolean closed;

    public Scheduler(EmulatorClock clock, String name) {
        this.clock = clock;
        this.name = name;
        SandboxThreads.daemonThreads(name).newThread(this::loop).start();
    }

    public synchronized void at(Instant due, Runnable action) {
        tasks.add(new Task(due, sequence++, action));
        notifyAll();
    }

    public void after(Duration delay, Runnable action) {
        at(clock.now().plus(delay), action);
    }

    /** Re-evaluates due times, e.g. after the clock moved. */
    public synchronized void poke() {
        notifyAll();
    }

    public synchronized void clear() {
        tasks.clear();
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
        notifyAll();
    }

    private void loop() {
        while (true) {
            Runnable next = take();
            if (next == null) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                log.warn("{} task failed", name, e);
            }
        }
    }

    private synchronized Runnable take() {
        try {
            while (!closed) {
                Task head = tasks.peek();
                if (head == null) {
                    wait();
                    continue;
                }
                long nanos = Duration.between(clock.now(), head.due()).toNanos();
                if (nanos <= 0) {
                    return tasks.poll().action();
                }
                wait(Math.max(1, (nanos + 999_999) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
