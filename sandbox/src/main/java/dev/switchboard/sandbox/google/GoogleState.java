package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Everything the emulator remembers, behind one lock. */
final class GoogleState {

    private final ReentrantLock lock = new ReentrantLock();
    final GoogleClock clock;
    final Ids ids = new Ids();
    final Map<String, OAuthClient> clients = new LinkedHashMap<>();
    final Map<String, Account> accounts = new LinkedHashMap<>();
    final TokenStore tokens = new TokenStore();
    final SyncTokens syncTokens = new SyncTokens();
    final PageCursors pageCursors = new PageCursors();
    final Map<String, ChannelState> channels = new LinkedHashMap<>();
    final List<PushDelivery> pushes = new ArrayList<>();
    final List<Request> requests = new ArrayList<>();
    /** The account a browser is signed in with: the one the next authorization grants. */
    String signedIn;
    boolean denyNextAuthorization;
    /** Scopes the user leaves ticked on the next consent screen; null = all requested. */
    Set<String> nextGrantOnly;
    private long changeSeq;
    private Instant lastTouch = Instant.EPOCH;
    private Consumer<StoredCalendar> changeListener = calendar -> { };

    GoogleState(GoogleClock clock) {
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

    void onChange(Consumer<StoredCalendar> listener) {
        this.changeListener = listener;
    }

    void reset() {
        clients.clear();
        accounts.clear();
        tokens.clear();
        syncTokens.clear();
        pageCursors.clear();
        channels.values().forEach(channel -> {
            channel.stopped = true; // a retry already scheduled must not reach its address
            channel.queue.clear();
        });
        channels.clear();
        pushes.clear();
        requests.clear();
        signedIn = null;
        denyNextAuthorization = false;
        nextGrantOnly = null;
        lastTouch = Instant.EPOCH;
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    Account account(String email) {
        return accounts.get(normalize(email));
    }

    Account requireAccount(String email) {
        Account account = account(email);
        if (account == null) {
            throw new IllegalArgumentException("no account " + email + "; call account(email) first");
        }
        return account;
    }

    Account createAccount(String email, ZoneId zone) {
        return accounts.computeIfAbsent(normalize(email),
                key -> new Account(key, ids.subject(), zone, ids.resourceId(), clock.now()));
    }

    StoredCalendar requireCalendar(String email, String calendarId) {
        StoredCalendar calendar = requireAccount(email).calendar(calendarId);
        if (calendar == null) {
            throw new IllegalArgumentException("account " + email + " has no calendar " + calendarId);
        }
        return calendar;
    }

    /** A modification time: milliseconds, strictly increasing, so updatedMin and etags tell changes apart. */
    Instant stamp() {
        Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS);
        lastTouch = now.isAfter(lastTouch) ? now : lastTouch.plusMillis(1);
        return lastTouch;
    }

    /** Records a modification: {@code updated}, a fresh change number, and notifies watchers. */
    void touch(StoredEvent event) {
        touch(event, stamp());
    }

    void touch(StoredEvent event, Instant stamp) {
        event.updated = stamp;
        event.changeSeq = ++changeSeq;
        changeListener.accept(event.calendar);
    }

    long changeSeq() {
        return changeSeq;
    }
}
