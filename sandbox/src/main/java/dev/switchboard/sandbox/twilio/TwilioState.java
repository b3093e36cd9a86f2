package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.time.EmulatorClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** All emulator state behind one lock. */
final class TwilioState {

    private final ReentrantLock lock = new ReentrantLock();
    final EmulatorClock clock;
    final Switches switches;
    final Random random = new Random();
    final Map<String, AccountData> accounts = new LinkedHashMap<>();
    final Map<String, MessageRecord> messages = new LinkedHashMap<>();
    /** "sender|recipient" → the last inbound message from recipient to sender. */
    final Map<String, Instant> lastInbound = new HashMap<>();
    long sequence;
    private boolean closed;

    TwilioState(EmulatorClock clock, Switches switches) {
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

    AccountData require(String accountSid) {
        AccountData account = accounts.get(accountSid);
        if (account == null) {
            throw new IllegalArgumentException("no account " + accountSid);
        }
        return account;
    }

    boolean isCurrent(MessageRecord message) {
        return !closed && messages.get(message.sid) == message;
    }

    /** Whether the 24-hour customer-service window between these WhatsApp addresses is open now. */
    boolean windowOpen(String sender, String recipient) {
        Instant last = lastInbound.get(sender + "|" + recipient);
        return last != null && last.plus(Switches.WINDOW).isAfter(clock.now());
    }

    void reset() {
        accounts.clear();
        messages.clear();
        lastInbound.clear();
    }

    void close() {
        closed = true;
    }
}
