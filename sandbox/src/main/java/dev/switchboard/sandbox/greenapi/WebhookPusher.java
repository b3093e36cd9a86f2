package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxThreads;
import dev.switchboard.sandbox.time.Scheduler;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Pushes each instance's notifications to its webhookUrl as Green API does: one at a time in
 * FIFO order, the webhookUrlToken in the Authorization header; anything but 200 (or no answer
 * within the timeout) pauses the queue and resends the same item after the retry delay, so a
 * failing item blocks those behind it. Items older than 24 h are dropped.
 */
final class WebhookPusher implements AutoCloseable {

    private record Attempt(InstanceAccount account, PendingNotification notification, String url,
            String authorization, Duration timeout) {
    }

    private final GreenState state;
    private final Scheduler scheduler;
    private final Notifier notifier;
    private final ExecutorService io = Executors.newCachedThreadPool(SandboxThreads.daemonThreads("greenapi-webhook"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).executor(io).build();

    WebhookPusher(GreenState state, Scheduler scheduler, Notifier notifier) {
        this.state = state;
        this.scheduler = scheduler;
        this.notifier = notifier;
    }

    /** Starts the next push if one is due. Call with the state lock held. */
    void wake(InstanceAccount account) {
        if (account.pushInFlight || state.switches.pushPaused || !state.isCurrent(account)) {
            return;
        }
        String url = account.settings.webhookUrl();
        if (url.isEmpty()) {
            return;
        }
        notifier.expire(account);
        PendingNotification head = account.notifications.peekFirst();
        if (head == null) {
            return;
        }
        if (account.nextPushAt != null && account.nextPushAt.isAfter(state.clock.now())) {
            scheduleWake(account, account.nextPushAt);
            return;
        }
        account.pushInFlight = true;
        Attempt attempt = new Attempt(account, head, url, authorization(account), state.switches.webhookTimeout);
        try {
            io.execute(() -> send(attempt));
        } catch (RejectedExecutionException closed) {
            account.pushInFlight = false;
        }
    }

    @Override
    public void close() {
        io.shutdownNow();
    }

    private String authorization(InstanceAccount account) {
        String token = account.settings.webhookUrlToken();
        if (token.isEmpty()) {
            return null;
        }
        return state.switches.bearerPrefix ? "Bearer " + token : token;
    }

    private void send(Attempt attempt) {
        int status = 0;
        String error;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(attempt.url()))
                    .timeout(attempt.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(attempt.notification().body())));
            if (attempt.authorization() != null) {
                request.header("Authorization", attempt.authorization());
            }
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            error = status == 200 ? null : "HTTP " + status;
        } catch (HttpConnectTimeoutException e) {
            error = "connect timeout";
        } catch (HttpTimeoutException e) {
            error = "timeout after " + attempt.timeout().toMillis() + " ms";
        } catch (ConnectException e) {
            error = "connection refused";
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int answered = status;
        String failure = error;
        state.locked(() -> settle(attempt, answered, failure));
    }

    private void settle(Attempt attempt, int status, String error) {
        InstanceAccount account = attempt.account();
        PendingNotification notification = attempt.notification();
        Instant now = state.clock.now();
        account.pushInFlight = false;
        account.deliveries.add(new GreenDelivery(notification.typeWebhook(), notification.idMessage(), status, error, now));
        if (!state.isCurrent(account)) {
            return;
        }
        if (error == null) {
            account.notifications.remove(notification);
            account.nextPushAt = null;
            wake(account);
        } else {
            account.nextPushAt = now.plus(state.switches.webhookRetryDelay);
            scheduleWake(account, account.nextPushAt);
        }
    }

    private void scheduleWake(InstanceAccount account, Instant at) {
        if (account.pushWakeScheduled) {
            return;
        }
        account.pushWakeScheduled = true;
        scheduler.at(at, () -> state.locked(() -> {
            account.pushWakeScheduled = false;
            wake(account);
        }));
    }
}
