package dev.switchboard.core.inbound;

import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.integration.StoredIntegrations;
import dev.switchboard.core.metrics.PipelineMetrics;
import dev.switchboard.core.queue.WorkSignal;
import dev.switchboard.core.support.Threads;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves webhooks' deliveries from the inbox into their tenants' schemas: takes the oldest
 * thousand, stores each tenant's with {@link InboundStore} (large groups: one statement for a
 * tenant's share of the batch, which reads the messages from the rows itself), and removes them
 * from the inbox after that. A crash between the
 * two leaves them in the inbox, and storing them again is a no-op (the store de-duplicates).
 *
 * <p>One mover at a time across all nodes (a lock in PostgreSQL), so messages are stored in the
 * order they arrived. Every node runs one: a webhook wakes its own node's at once, and each looks
 * again every {@link #POLL} for what other nodes appended or what waits for a retry. A delivery it
 * cannot store (a bug, a broken tenant schema) stays in the inbox and is tried again later, ever
 * less often; one whose tenant or integration is gone is dropped, as the rest of them was.
 *
 * <p>During a burst it leaves the machine to the webhooks for a while ({@link MoverYield}): they
 * are accepted faster, and their messages reach their conversations later, by up to the burst
 * delay and the time the backlog then takes to drain.
 */
@Component
public class InboxMover implements SmartLifecycle {

    static final int BATCH = 1_000;
    /** The most deliveries of a tenant one group statement takes: the batch's share of a busy tenant is split. */
    static final int GROUP = 256;
    static final Duration POLL = Duration.ofMillis(200);
    /** How often a yielding mover looks whether the burst is over. */
    private static final Duration YIELDING = Duration.ofMillis(20);
    private static final Logger log = LoggerFactory.getLogger(InboxMover.class);

    private final InboxRows inbox;
    private final InboundStore store;
    private final TenantDirectory tenants;
    private final StoredIntegrations integrations;
    private final PipelineMetrics metrics;
    private final MoverYield yielding;
    /** This mover's own wake-up (the class is the work queue's; nothing in it is queue-specific). */
    private final WorkSignal signal = new WorkSignal();
    private volatile boolean running;
    private Thread thread;

    public InboxMover(InboxRows inbox, InboundStore store, TenantDirectory tenants, StoredIntegrations integrations,
                      PipelineMetrics metrics, SwitchboardProperties properties, IngestPressure pressure) {
        this.inbox = inbox;
        this.store = store;
        this.tenants = tenants;
        this.integrations = integrations;
        this.metrics = metrics;
        this.yielding = new MoverYield(properties.inbox().burstDelay(), pressure, System::nanoTime);
        metrics.registry().gauge("switchboard.inbox.waiting", inbox, rows -> running ? rows.waiting() : 0);
        // 1 while this node's mover leaves the inbox to a burst: why it waits
        metrics.registry().gauge("switchboard.inbox.yielding", yielding, y -> running && y.yieldsNow() ? 1 : 0);
    }

    /** Something was appended on this node: move it now rather than at the next poll. */
    public void wake() {
        signal.signal();
    }

    /** What one pass found. */
    enum Pass { EMPTY, MOVED, FULL, BUSY }

    private void run() {
        while (running) {
            long seen = signal.generation();
            try {
                if (yielding.yieldsNow()) { // webhooks queue for their commits: theirs is the machine, for a while
                    Thread.sleep(YIELDING.toMillis());
                    continue;
                }
                yielding.passStarts();
                Pass pass = moveOnce();
                yielding.passEnded(pass);
                if (pass == Pass.FULL) {
                    continue;
                }
                // another node's mover holds the inbox: look again soon, it may be done with ours
                signal.awaitAfter(seen, pass == Pass.BUSY ? POLL.dividedBy(10) : POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("inbox mover: {}", e.toString());
                pause();
            }
        }
    }

    /** Moves one batch, if this node may: stores what it can, postpones the rest, removes what was stored. */
    Pass moveOnce() {
        Optional<InboxRows.Hold> held = inbox.hold();
        if (held.isEmpty()) {
            return Pass.BUSY;
        }
        try (InboxRows.Hold hold = held.get()) {
            List<InboxRows.Row> rows = hold.next(BATCH);
            if (rows.isEmpty()) {
                return Pass.EMPTY;
            }
            List<Long> done = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            byTenant(rows).forEach((tenantId, ofTenant) -> storeTenant(tenantId, ofTenant, done, failed));
            hold.remove(done);
            hold.postpone(failed);
            hold.commit();
            return rows.size() == BATCH ? Pass.FULL : Pass.MOVED;
        }
    }

    private static Map<UUID, List<InboxRows.Row>> byTenant(List<InboxRows.Row> rows) {
        Map<UUID, List<InboxRows.Row>> byTenant = new LinkedHashMap<>();
        rows.forEach(row -> byTenant.computeIfAbsent(row.tenantId(), id -> new ArrayList<>()).add(row));
        return byTenant;
    }

    private void storeTenant(UUID tenantId, List<InboxRows.Row> rows, List<Long> done, List<Long> failed) {
        Optional<TenantRef> tenant = tenants.byId(tenantId);
        if (tenant.isEmpty()) { // deleted while its deliveries waited: they go with it
            rows.forEach(row -> done.add(row.id()));
            return;
        }
        try (TenantContext.Scope scope = TenantContext.enter(tenant.get())) {
            for (int from = 0; from < rows.size(); from += GROUP) {
                storeGroup(tenant.get(), rows.subList(from, Math.min(rows.size(), from + GROUP)), done, failed);
            }
        }
    }

    /** Stores a tenant's group at once or, when that fails, delivery by delivery, so a bad one fails alone. */
    private void storeGroup(TenantRef tenant, List<InboxRows.Row> group, List<Long> done, List<Long> failed) {
        try {
            int[] stored = store.storeFromInbox(group);
            for (int i = 0; i < group.size(); i++) {
                metrics.messages(group.get(i).channelType(), "in", "received", stored[i]);
                done.add(group.get(i).id());
            }
        } catch (RuntimeException e) {
            if (group.size() > 1) {
                group.forEach(row -> storeGroup(tenant, List.of(row), done, failed));
                return;
            }
            InboxRows.Row row = group.get(0);
            if (gone(tenant, row.integrationId())) {
                log.info("inbox delivery dropped: its tenant or integration is gone tenant={} integration={}",
                        tenant.slug(), row.integrationId());
                done.add(row.id());
            } else {
                log.warn("inbox delivery not stored, tried again later tenant={} integration={} attempts={}: {}",
                        tenant.slug(), row.integrationId(), row.attempts() + 1, e.toString());
                failed.add(row.id());
            }
        }
    }

    /** Whether the tenant (read afresh: another node may have deleted it) or its integration no longer exists. */
    private boolean gone(TenantRef tenant, UUID integrationId) {
        tenants.forget(tenant.id());
        return tenants.byId(tenant.id()).isEmpty() || integrations.find(tenant, integrationId).isEmpty();
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Threads.start("sb-inbox-mover", this::run);
    }

    @Override
    public void stop() {
        running = false;
        signal.signal(); // not an interrupt: a batch in progress finishes, and its transaction with it
        Thread current = thread;
        if (current != null) {
            try {
                current.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts before the web server and stops after it, like the workers it hands items to. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
