package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.time.EmulatorClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * All emulator state behind one lock; long polls wait on {@link #awaitChange}, which releases
 * it. A ReentrantLock rather than monitors so waiting virtual threads do not pin.
 */
final class GreenState {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    final EmulatorClock clock;
    final Switches switches;
    final Random random = new Random();
    final Map<Long, InstanceAccount> instances = new LinkedHashMap<>();
    final Set<String> whatsAppUsers = new HashSet<>();
    final Map<String, String> groups = new HashMap<>();
    /** Outgoing idMessage → its instance, for failMessage. */
    final Map<String, InstanceAccount> outgoingById = new HashMap<>();
    long nextInstanceId = 1_101_000_001L;
    private boolean closed;

    GreenState(EmulatorClock clock, Switches switches) {
        this.clock = clock;
        this.switches = switches;
    }

    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    /** Waits (lock held) until something changes or the timeout passes; returns the nanos left. */
    long awaitChange(long nanos) {
        try {
            return changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    void signalChange() {
        changed.signalAll();
    }

    InstanceAccount instance(long id) {
        return instances.get(id);
    }

    /** For the Java API: unknown ids are a test bug, not an API error. */
    InstanceAccount require(long id) {
        InstanceAccount account = instances.get(id);
        if (account == null) {
            throw new IllegalArgumentException("no instance " + id);
        }
        return account;
    }

    boolean isCurrent(InstanceAccount account) {
        return !closed && instances.get(account.id()) == account;
    }

    List<InstanceAccount> all() {
        return new ArrayList<>(instances.values());
    }

    String uniqueMessageId() {
        String id;
        do {
            id = Ids.messageId(random);
        } while (outgoingById.containsKey(id));
        return id;
    }

    void reset() {
        instances.clear();
        whatsAppUsers.clear();
        groups.clear();
        outgoingById.clear();
        nextInstanceId = 1_101_000_001L;
        signalChange();
    }

    void close() {
        closed = true;
        signalChange();
    }

    boolean closed() {
        return closed;
    }
}
