package dev.switchboard.core.polling;

import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.PollingReceiver;
import dev.switchboard.core.inbound.InboundStore;
import dev.switchboard.core.metrics.PipelineMetrics;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One integration's receive loop: poll, store what came (the same store as webhooks), confirm,
 * repeat. Events are confirmed only after they are committed, so a crash redelivers instead of
 * losing; the store de-duplicates the redelivery.
 */
class PollingLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final TenantRef tenant;
    private final Supplier<IntegrationHandle> handle;
    private final PollingReceiver receiver;
    private final InboundStore store;
    private final Duration timeout;
    private final Duration errorBackoff;
    private final PipelineMetrics metrics;
    private volatile boolean running = true;
    private volatile Thread thread;

    PollingLoop(TenantRef tenant, Supplier<IntegrationHandle> handle, PollingReceiver receiver, InboundStore store,
                Duration timeout, Duration errorBackoff, PipelineMetrics metrics) {
        this.tenant = tenant;
        this.handle = handle;
        this.receiver = receiver;
        this.store = store;
        this.timeout = timeout;
        this.errorBackoff = errorBackoff;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        String cursor = null;
        boolean prepared = false;
        while (running) {
            try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                IntegrationHandle integration = handle.get();
                if (!prepared) {
                    receiver.prepare(integration);
                    prepared = true;
                }
                PollingReceiver.Batch batch = receiver.poll(integration, cursor, timeout);
                if (!batch.events().isEmpty()) {
                    metrics.messages(integration.type(), "in", "received",
                            store.store(integration.integrationId(), batch.events()));
                }
                receiver.confirm(integration, batch);
                cursor = batch.nextCursor();
            } catch (ChannelException e) {
                prepared = false;
                log.warn("polling failed tenant={} status={} reason={}", tenant.slug(), e.status(), e.getMessage());
                pause(e.retryAfter().orElse(errorBackoff));
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("polling loop error tenant={}: {}", tenant.slug(), e.toString());
                    pause(errorBackoff);
                }
            }
        }
    }

    void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
