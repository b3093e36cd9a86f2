package dev.switchboard.core.conversation;

import dev.switchboard.core.support.Threads;
import dev.switchboard.core.tenant.TenantContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raises {@link ConversationChanged} on every node through PostgreSQL's {@code NOTIFY}, after
 * the change committed (and not at all on rollback).
 *
 * <p>The notification is not sent inside the changing transaction: PostgreSQL serializes the
 * commits of all transactions that NOTIFY behind one lock, held through each commit's WAL
 * flush, which capped webhook ingest at a few hundred per second. Instead the changed
 * conversations are collected after commit and one publisher thread sends them in batches
 * (many {@code tenant:conversation} pairs, comma-separated, per notification, every
 * {@value #LINGER_MILLIS} ms at most). Live views are best effort: a signal lost in a crash
 * only delays a view until the conversation's next change, as a listener reconnect does.
 */
@Component
public class ConversationSignals implements SmartLifecycle {

    static final String CHANNEL = "switchboard_conversations";
    static final char SEPARATOR = ',';
    /** PostgreSQL refuses payloads of 8,000 bytes or more. */
    private static final int MAX_PAYLOAD = 7_900;
    private static final long LINGER_MILLIS = 20;
    private static final Logger log = LoggerFactory.getLogger(ConversationSignals.class);

    private final JdbcClient jdbc;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread publisher;

    public ConversationSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Signals the conversation's change once the caller's transaction commits (at once without one). */
    public void changed(UUID conversationId) {
        String signal = TenantContext.require().id() + ":" + conversationId;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(signal);
                }
            });
        } else {
            enqueue(signal);
        }
    }

    private void enqueue(String signal) {
        pending.add(signal);
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        publisher = Threads.start("sb-conversation-notify", this::publishLoop);
    }

    @Override
    public void stop() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        if (publisher != null) {
            try {
                publisher.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void publishLoop() {
        while (running) {
            try {
                awaitSignals();
                Thread.sleep(LINGER_MILLIS); // let the signals of concurrent commits join this batch
                publishPending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("conversation signals not sent: {}", e.toString());
            }
        }
        publishPending();
    }

    private void awaitSignals() throws InterruptedException {
        synchronized (wake) {
            while (running && pending.isEmpty()) {
                wake.wait(1_000);
            }
        }
    }

    private void publishPending() {
        for (String payload : payloads()) {
            jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", payload)
                    .query((rs, n) -> 1).list();
        }
    }

    /** Drains the pending signals into payloads below PostgreSQL's limit. */
    private List<String> payloads() {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
            String signal = it.next();
            it.remove();
            if (payload.length() + signal.length() + 1 > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            if (!payload.isEmpty()) {
                payload.append(SEPARATOR);
            }
            payload.append(signal);
        }
        if (!payload.isEmpty()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }
}
