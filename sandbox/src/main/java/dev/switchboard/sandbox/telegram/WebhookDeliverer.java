package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.SandboxThreads;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * POSTs queued updates to webhooks the way the Bot API server does: one update per request,
 * one chat's (or one user's callback) updates strictly in order, at most max_connections in
 * flight — only one until a delivery has succeeded in the last 10 s — and failed updates
 * retried with back-off until they expire.
 */
final class WebhookDeliverer implements AutoCloseable {

    private static final Duration ACTIVE_WINDOW = Duration.ofSeconds(10);

    private record Attempt(BotAccount bot, long updateId, int number, String url, String secret, byte[] body) {
    }

    /** What one pump found: attempts to start now, and when the next retry falls due (or null). */
    private record Plan(List<Attempt> due, Instant nextRetry) {
    }

    private final TelegramState state;
    private final EmulatorSettings settings;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(SandboxThreads.daemonThreads("telegram-webhook-timer"));
    private final ExecutorService io = SandboxThreads.perTaskExecutor("telegram-webhook-io");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).executor(io).build();
    private ScheduledFuture<?> nextWake;
    private final AtomicBoolean pumpQueued = new AtomicBoolean();

    WebhookDeliverer(TelegramState state, EmulatorSettings settings) {
        this.state = state;
        this.settings = settings;
    }

    /**
     * Looks for deliverable updates soon, on the deliverer's own thread. Wakes coalesce: a pump
     * scans every pending update under the state lock, so one queued pump per inject or
     * completion made the emulator quadratic under load (thousands of queued scans holding the
     * lock that every Bot API call needs). A wake during a pump queues exactly one more.
     */
    void wake() {
        if (!pumpQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            timer.execute(() -> {
                pumpQueued.set(false);
                pump();
            });
        } catch (RejectedExecutionException closed) {
            // closing: nothing more to deliver
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        io.shutdownNow();
    }

    /** Plans under the lock with one notion of "now", so no retry can fall between two looks. */
    private void pump() {
        Plan plan = state.locked(this::plan);
        plan.due().forEach(this::send);
        if (plan.nextRetry() != null) {
            scheduleWake(plan.nextRetry());
        }
    }

    private Plan plan() {
        List<Attempt> due = new ArrayList<>();
        Instant nextRetry = null;
        if (settings.deliveryPaused || state.closed()) {
            return new Plan(due, null);
        }
        Instant now = state.clock.now();
        for (BotAccount bot : state.accounts()) {
            if (bot.webhook != null) {
                Instant botRetry = collect(bot, now, due);
                nextRetry = botRetry != null && (nextRetry == null || botRetry.isBefore(nextRetry)) ? botRetry : nextRetry;
            }
        }
        return new Plan(due, nextRetry);
    }

    /** Starts what is due for this bot; returns the earliest future retry among queue heads. */
    private Instant collect(BotAccount bot, Instant now, List<Attempt> due) {
        bot.updates.expire(now);
        List<PendingUpdate> ready = new ArrayList<>();
        Instant nextRetry = null;
        Set<Long> seenQueues = new HashSet<>();
        for (PendingUpdate update : bot.updates.inOrder()) {
            if (!seenQueues.add(update.queueKey()) || update.inFlight()) {
                continue;
            }
            if (update.nextAttemptAt().isAfter(now)) {
                nextRetry = nextRetry == null || update.nextAttemptAt().isBefore(nextRetry) ? update.nextAttemptAt()
                        : nextRetry;
            } else {
                ready.add(update);
            }
        }
        ready.sort(Comparator.comparing(PendingUpdate::nextAttemptAt).thenComparingLong(PendingUpdate::id));
        int connections = connectionLimit(bot, now);
        for (PendingUpdate update : ready) {
            if (bot.deliveriesInFlight >= connections) {
                break;
            }
            update.startAttempt();
            bot.deliveriesInFlight++;
            due.add(new Attempt(bot, update.id(), update.failures() + 1, bot.webhook.url(), bot.webhook.secret(),
                    WebhookExchange.body(update)));
        }
        return nextRetry;
    }

    /** The Bot API opens more than one connection only while deliveries are succeeding. */
    private static int connectionLimit(BotAccount bot, Instant now) {
        boolean active = bot.lastDeliverySuccess != null && bot.lastDeliverySuccess.plus(ACTIVE_WINDOW).isAfter(now);
        return active ? bot.webhook.maxConnections() : 1;
    }

    private void send(Attempt attempt) {
        try {
            HttpRequest request = WebhookExchange.request(attempt.url(), attempt.secret(), attempt.body(),
                    settings.responseTimeout);
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> complete(attempt, response, error));
        } catch (IllegalArgumentException badUrl) {
            complete(attempt, null, badUrl);
        }
    }

    private void complete(Attempt attempt, HttpResponse<?> response, Throwable error) {
        Instant now = state.clock.now();
        int status = response == null ? 0 : response.statusCode();
        String failure = error != null ? WebhookExchange.failure(error) : WebhookExchange.failure(status);
        int retryAfter = response == null ? 0 : WebhookExchange.retryAfterSeconds(response);
        state.locked(() -> settle(attempt, now, status, failure, retryAfter));
        wake();
    }

    private void settle(Attempt attempt, Instant now, int status, String failure, int retryAfter) {
        BotAccount bot = attempt.bot();
        bot.deliveriesInFlight--;
        bot.journal.deliveries.add(new DeliveryAttempt(attempt.updateId(), attempt.number(), status, failure, now));
        PendingUpdate update = bot.updates.get(attempt.updateId());
        if (update == null) {
            return;
        }
        if (failure == null) {
            bot.updates.remove(update.id());
            bot.lastDeliverySuccess = now;
            return;
        }
        bot.lastErrorDate = now;
        bot.lastErrorMessage = failure;
        Duration delay = retryAfter > 0 ? Duration.ofSeconds(retryAfter) : settings.retryDelay(update.failures() + 1);
        if (update.failures() + 1 >= settings.maxAttempts || now.plus(delay).isAfter(update.expiresAt())) {
            bot.updates.remove(update.id());
        } else {
            update.attemptFailed(now.plus(delay));
        }
    }

    private void scheduleWake(Instant at) {
        long delayMillis = Math.max(1, Duration.between(state.clock.now(), at).toMillis() + 1);
        synchronized (this) {
            // A wake whose delay has run out may be this very pump, still running: never rely on it.
            long pending = nextWake == null || nextWake.isDone() ? 0 : nextWake.getDelay(TimeUnit.MILLISECONDS);
            if (pending > 0 && pending <= delayMillis) {
                return;
            }
            if (pending > 0) {
                nextWake.cancel(false);
            }
            try {
                nextWake = timer.schedule(this::pump, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                nextWake = null;
            }
        }
    }
}
