package dev.switchboard.app.ui;

import dev.switchboard.core.conversation.ConversationChanged;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox's live feed: each open page holds one server-sent-event stream for its tenant; every
 * {@link ConversationChanged} of that tenant (a new message, a delivery status) becomes two events,
 * {@code conversation} (lists refresh) and {@code conversation-<id>} (that thread refreshes). The
 * events carry only the conversation id: the page fetches what changed through its own session,
 * so nothing of one tenant can reach another tenant's page.
 */
@Component
class LiveUpdates {

    static final String ANY = "conversation";
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private record Subscriber(UUID tenantId, SseEmitter emitter) {
    }

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** One thread sends everything, so a page's events keep their order and the signal listener never waits. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sb-ui-live");
        thread.setDaemon(true);
        return thread;
    });

    LiveUpdates() {
        sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe(UUID tenantId) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Subscriber subscriber = new Subscriber(tenantId, emitter);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        try {
            // a first line, so the browser's EventSource reports the stream open at once
            emitter.send(SseEmitter.event().comment("live"));
        } catch (IOException e) {
            subscribers.remove(subscriber);
        }
        return emitter;
    }

    @EventListener
    void on(ConversationChanged change) {
        sender.execute(() -> publish(change));
    }

    private void publish(ConversationChanged change) {
        String id = change.conversationId().toString();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.tenantId().equals(change.tenantId())) {
                send(subscriber, SseEmitter.event().name(ANY).data(id));
                send(subscriber, SseEmitter.event().name(ANY + "-" + id).data(id));
            }
        }
    }

    /** Keeps proxies from closing idle streams and finds the pages that went away. */
    private void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            send(subscriber, SseEmitter.event().comment("keep-alive"));
        }
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber);
            subscriber.emitter().completeWithError(e);
        }
    }

    /** Open streams would hold up the graceful shutdown of the web server until they time out. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        subscribers.forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
        sender.shutdownNow();
    }

    int subscriberCount() {
        return subscribers.size();
    }
}
