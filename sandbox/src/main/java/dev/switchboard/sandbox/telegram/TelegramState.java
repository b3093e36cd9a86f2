package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.time.EmulatorClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * All emulator state behind one lock. Bot API calls are short, so a single lock keeps the
 * model simple and every observation consistent; long polls wait on {@link #awaitChange}, which
 * releases it. A ReentrantLock rather than monitors so waiting virtual threads do not pin.
 */
final class TelegramState {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, BotAccount> botsByToken = new HashMap<>();
    final EmulatorClock clock;
    final Random random = new Random();
    final ChatDirectory directory = new ChatDirectory();
    final FileStore files = new FileStore();
    final CallbackRegistry callbacks = new CallbackRegistry();
    private Runnable onUpdateQueued = () -> { };
    private boolean closed;

    TelegramState(EmulatorClock clock) {
        this.clock = clock;
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

    /** Wakes long polls: call (lock held) after anything they wait for. */
    void signalChange() {
        changed.signalAll();
    }

    void onUpdateQueued(Runnable listener) {
        this.onUpdateQueued = listener;
    }

    BotAccount addBot(Bot bot) {
        if (botsByToken.containsKey(bot.token())) {
            throw new IllegalArgumentException("a bot with this token exists: " + bot);
        }
        BotAccount account = new BotAccount(bot, 100_000_000L + random.nextInt(800_000_000));
        botsByToken.put(bot.token(), account);
        return account;
    }

    /** The bot with this token, revoked or not; null when unknown. */
    BotAccount account(String token) {
        return botsByToken.get(token);
    }

    /** For the Java API: unknown tokens are a test bug, not a Bot API error. */
    BotAccount requireAccount(String token) {
        BotAccount account = botsByToken.get(token);
        if (account == null) {
            throw new IllegalArgumentException("no bot with token " + Tokens.mask(token));
        }
        return account;
    }

    /** Whether this account is still the live one (not removed by a reset). */
    boolean isCurrent(BotAccount account) {
        return !closed && botsByToken.get(account.token()) == account;
    }

    List<BotAccount> accounts() {
        return new ArrayList<>(botsByToken.values());
    }

    /**
     * Queues an update unless the bot's allowed_updates exclude its type (Telegram does not
     * create those at all); returns its update_id, or 0 when filtered out.
     */
    long enqueue(BotAccount account, String type, JsonNode body) {
        if (!AllowedUpdates.permits(account.allowedUpdates, type)) {
            return 0;
        }
        long id = account.updates.add(type, body, clock.now()).id();
        signalChange();
        onUpdateQueued.run();
        return id;
    }

    void reset() {
        botsByToken.clear();
        directory.clear();
        files.clear();
        callbacks.clear();
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
