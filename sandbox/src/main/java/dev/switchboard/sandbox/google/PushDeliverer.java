package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.SandboxThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * POSTs notifications to channel addresses as Google does: an empty body and the X-Goog-*
 * headers; one message at a time per channel, in order; 500/502/503/504 and connection
 * failures retried with exponential back-off; other statuses are failures and the message is
 * dropped; nothing is sent once the channel has expired or been stopped.
 */
final class PushDeliverer implements AutoCloseable {

    static final String USER_AGENT = "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)";
    private static final Set<Integer> SUCCESS = Set.of(200, 201, 202, 204, 102);
    private static final Set<Integer> RETRIED = Set.of(500, 502, 503, 504);

    private record Attempt(ChannelState channel, ChannelState.Pending message, HttpRequest request) {
    }

    private final GoogleState state;
    private final GoogleSettings settings;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(SandboxThreads.daemonThreads("google-push-timer"));
    private final ExecutorService io = SandboxThreads.perTaskExecutor("google-push-io");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).executor(io).build();

    PushDeliverer(GoogleState state, GoogleSettings settings) {
        this.state = state;
        this.settings = settings;
    }

    /** Under the state lock: queue a notification for every live channel on this calendar. */
    void calendarChanged(StoredCalendar calendar) {
        for (ChannelState channel : state.channels.values()) {
            if (channel.accountEmail.equals(calendar.ownerEmail) && channel.calendarId.equals(calendar.id)
                    && channel.activeAt(state.clock.now())) {
                channel.next("exists");
                wake(channel);
            }
        }
    }

    /** Under the state lock: the {@code sync} message that follows a successful watch. */
    void opened(ChannelState channel) {
        channel.next("sync");
        wake(channel);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        io.shutdownNow();
    }

    private void wake(ChannelState channel) {
        schedule(channel, 0);
    }

    private void schedule(ChannelState channel, long delayNanos) {
        try {
            timer.schedule(() -> pump(channel), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // emulator closing
        }
    }

    private void pump(ChannelState channel) {
        Attempt attempt = state.locked(() -> nextAttempt(channel));
        if (attempt != null) {
            http.sendAsync(attempt.request(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> complete(attempt, response, error));
        }
    }

    private Attempt nextAttempt(ChannelState channel) {
        if (channel.inFlight || channel.queue.isEmpty()) {
            return null;
        }
        if (!channel.activeAt(state.clock.now())) {
            channel.queue.clear();
            return null;
        }
        ChannelState.Pending message = channel.queue.peek();
        long wait = message.notBeforeNanos - System.nanoTime();
        if (wait > 0) {
            schedule(channel, wait);
            return null;
        }
        try {
            HttpRequest request = request(channel, message);
            channel.inFlight = true;
            return new Attempt(channel, message, request);
        } catch (IllegalArgumentException badAddress) {
            channel.queue.poll();
            record(channel, message, 1, 0, "invalid address: " + badAddress.getMessage());
            return null;
        }
    }

    private HttpRequest request(ChannelState channel, ChannelState.Pending message) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(channel.address))
                .timeout(settings.pushResponseTimeout)
                .header("User-Agent", USER_AGENT)
                .header("X-Goog-Channel-ID", channel.id)
                .header("X-Goog-Channel-Expiration", Rfc3339.httpDate(channel.expiration))
                .header("X-Goog-Resource-ID", channel.resourceId)
                .header("X-Goog-Resource-URI", channel.resourceUri)
                .header("X-Goog-Resource-State", message.resourceState)
                .header("X-Goog-Message-Number", Long.toString(message.messageNumber))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (channel.token != null) {
            builder.header("X-Goog-Channel-Token", channel.token);
        }
        return builder.build();
    }

    private void complete(Attempt attempt, HttpResponse<?> response, Throwable error) {
        int status = response == null ? 0 : response.statusCode();
        String failure = error != null ? describe(error) : SUCCESS.contains(status) ? null : "HTTP " + status;
        boolean retry = failure != null && (error != null || RETRIED.contains(status));
        ChannelState channel = attempt.channel();
        state.locked(() -> {
            channel.inFlight = false;
            if (state.channels.get(channel.id) != channel) {
                return; // forgotten by reset() while the POST was in flight
            }
            ChannelState.Pending message = attempt.message();
            int attemptNumber = message.failures + 1;
            message.failures += failure == null ? 0 : 1;
            record(channel, message, attemptNumber, status, failure);
            if (!retry || message.failures >= settings.pushMaxAttempts) {
                channel.queue.remove(message);
            } else {
                message.notBeforeNanos = System.nanoTime() + settings.pushRetryDelay(message.failures).toNanos();
            }
        });
        wake(channel);
    }

    private void record(ChannelState channel, ChannelState.Pending message, int attemptNumber, int status,
            String failure) {
        state.pushes.add(new PushDelivery(channel.id, message.resourceState, message.messageNumber, attemptNumber,
                status, failure, state.clock.now()));
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (cause instanceof HttpTimeoutException) {
            return "response timeout";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
