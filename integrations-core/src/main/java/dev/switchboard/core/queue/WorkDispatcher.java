package dev.switchboard.core.queue;

import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.metrics.PipelineMetrics;
import dev.switchboard.core.support.NodeIdentity;
import dev.switchboard.core.support.Threads;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's workers. One dispatcher thread claims due items (one round trip for a batch) and
 * runs each with its tenant in context; when the claim found as many as it asked for, a worker
 * whose handler works in groups takes the tenant's other waiting items of that kind along. While
 * items keep coming, a claim takes up to one item per worker more than the idle workers need and
 * holds them ready for the next workers to finish: claiming one or two items each time a worker
 * freed up was the largest share of PostgreSQL's time in the end-to-end benchmark. A ready item
 * not started within half its lease goes back to the queue, as do those left when the node stops.
 * Every node runs one; {@code SKIP LOCKED} keeps them from taking the same item. Items this node
 * writes itself can skip the claim: an idle worker is reserved for them ({@link #reserveWorker}),
 * they are written already leased to this node and handed to it. Items a handler holds for a moment
 * ({@link HeldWork}) resume here when due, before any newly claimed item.
 */
@Component
public class WorkDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkDispatcher.class);

    private final WorkQueue queue;
    private final PipelineMetrics metrics;
    private final WorkSignal signal;
    private final HeldWork held;
    private final TenantDirectory tenants;
    private final Map<String, WorkHandler> handlers;
    private final SwitchboardProperties.Worker config;
    private final String owner;
    private final Semaphore idleWorkers;
    /** Items claimed ahead of an idle worker, oldest first; the dispatcher thread's alone. */
    private final Deque<Ready> ready = new ArrayDeque<>();
    private volatile boolean running;
    private Thread dispatcher;
    private ExecutorService workers;

    public WorkDispatcher(WorkQueue queue, WorkSignal signal, HeldWork held, TenantDirectory tenants,
                          List<WorkHandler> handlers, SwitchboardProperties properties, NodeIdentity node,
                          PipelineMetrics metrics) {
        this.queue = queue;
        this.metrics = metrics;
        this.signal = signal;
        this.held = held;
        this.tenants = tenants;
        this.handlers = handlers.stream().collect(Collectors.toMap(WorkHandler::kind, Function.identity()));
        this.config = properties.worker();
        this.owner = node.id();
        this.idleWorkers = new Semaphore(config.threads(), true); // fair: see reserveWorker
    }

    /**
     * Holds an idle worker for work items the caller is about to write leased to this node
     * ({@link Reservation#owner()}, {@link Reservation#lease()}): handed over with
     * {@link Reservation#run}, they skip the claim (a statement, and a new version of each item in
     * every index of the queue) and the dispatcher's wake-up. Empty when every worker is busy: the
     * items are then written due, for whichever worker claims them. So is it while the dispatcher
     * waits for a worker (the semaphore is fair, and this takes no permit ahead of it): items
     * already due go first, and a stream of webhooks cannot starve them. If this node dies before
     * handing them over, their leases expire and another claims them, like any item of a dead worker.
     */
    public Optional<Reservation> reserveWorker() {
        try {
            if (!running || !idleWorkers.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(new Reservation());
    }

    /**
     * An idle worker held by {@link #reserveWorker}; closing it unused lets it go (after
     * {@link #run}, closing does nothing).
     */
    public final class Reservation implements AutoCloseable {

        private final AtomicBoolean held = new AtomicBoolean(true);

        private Reservation() {
        }

        public String owner() {
            return owner;
        }

        public Duration lease() {
            return config.lease();
        }

        /** Runs items of one tenant and kind, leased to this node, on the reserved worker. */
        public void run(List<WorkItem> items) {
            if (items.isEmpty() || !held.compareAndSet(true, false)) {
                close();
                return;
            }
            try {
                workers.execute(() -> runHandedOver(items));
            } catch (RejectedExecutionException e) { // stopping: their leases expire, then any node claims them
                idleWorkers.release();
            }
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                idleWorkers.release();
            }
        }
    }

    /** This node's identity in {@code work_item.lease_owner}. */
    public String owner() {
        return owner;
    }

    @Override
    public void start() {
        running = true;
        held.open();
        workers = Threads.perTask("sb-worker");
        dispatcher = Threads.start("sb-dispatcher", this::dispatchLoop);
        log.info("work dispatcher started owner={} workers={} virtualThreads={}", owner, config.threads(),
                Threads.virtualAvailable());
    }

    @Override
    public void stop() {
        running = false;
        signal.signal();
        if (dispatcher != null) {
            dispatcher.interrupt();
            try {
                dispatcher.join(10_000); // it gives its ready and held items back to the queue
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops at a higher phase) so accepted work is handed over. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    /**
     * A claimed or held item waiting for a worker.
     *
     * @param backlog    whether its claim found as many items as it asked for, so others may be waiting
     * @param resumption what to run for a held item; null for one claimed
     */
    private record Ready(WorkItem item, boolean backlog, HeldWork.Resumption resumption) {
    }

    private void dispatchLoop() {
        try {
            while (running) {
                try {
                    long seen = signal.generation();
                    idleWorkers.acquire();
                    int free = 1 + idleWorkers.drainPermits();
                    resumeDue();
                    if (ready.size() < free) {
                        claimReady(free);
                    }
                    int started = startReady(free);
                    idleWorkers.release(free - started);
                    if (started == 0) {
                        signal.awaitAfter(seen, held.untilNext(config.idlePoll()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("work claim failed, retrying: {}", e.toString());
                    sleepQuietly(config.idlePoll());
                }
            }
        } finally {
            boolean interrupted = Thread.interrupted(); // a connection is not lent to an interrupted thread
            returnReady();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Claims enough for the {@code free} workers and up to one item per worker ahead, within the
     * batch size; the ready items still count towards it.
     */
    private void claimReady(int free) {
        int wanted = Math.max(free, Math.min(free + config.threads(), config.batchSize()));
        int asked = wanted - ready.size();
        List<WorkItem> items = claim(asked);
        boolean backlog = items.size() >= asked; // more may be waiting: workers may take groups
        items.forEach(item -> ready.add(new Ready(item, backlog, null)));
    }

    /** Puts the held items now due at the front of the ready ones, earliest first. */
    private void resumeDue() {
        List<HeldWork.Held> due = held.due();
        for (int i = due.size() - 1; i >= 0; i--) {
            HeldWork.Held item = due.get(i);
            ready.addFirst(new Ready(item.item(), false, item.resumption()));
        }
    }

    /**
     * Starts up to {@code free} ready items, each on a worker whose permit it releases; returns how
     * many. One with less than half its lease left goes back to the queue instead.
     */
    private int startReady(int free) {
        long stale = System.nanoTime() + config.lease().toNanos() / 2;
        int started = 0;
        while (started < free && !ready.isEmpty()) {
            Ready next = ready.poll();
            if (next.item().leaseEnds() - stale < 0) {
                queue.postpone(next.item(), Instant.now()); // due again for any worker, before its lease runs out
                continue;
            }
            workers.execute(() -> runReleasing(next));
            started++;
        }
        return started;
    }

    /**
     * Gives the items no worker started, and the held ones, back to the queue, due at once (else
     * they would wait for their lease).
     */
    private void returnReady() {
        List<WorkItem> left = new ArrayList<>();
        ready.forEach(item -> left.add(item.item()));
        ready.clear();
        held.close().forEach(item -> left.add(item.item()));
        for (WorkItem item : left) {
            try {
                queue.postpone(item, Instant.now());
            } catch (RuntimeException e) { // the database is going too: the lease brings it back
                log.info("ready work item={} left to its lease: {}", item.id(), e.toString());
            }
        }
    }

    private List<WorkItem> claim(int max) {
        try {
            return queue.claim(owner, max, config.lease());
        } catch (RuntimeException e) {
            if (!running) {
                return List.of();
            }
            throw e;
        }
    }

    private void runReleasing(Ready ready) {
        try {
            if (ready.resumption() == null) {
                run(ready.item(), ready.backlog());
            } else {
                resume(ready.item(), ready.resumption());
            }
        } finally {
            idleWorkers.release();
            signal.signal();
        }
    }

    /** @param backlog whether the claim found as many items as it asked for, so others may be waiting */
    void run(WorkItem item, boolean backlog) {
        Optional<TenantRef> tenant = tenants.byId(item.tenantId());
        WorkHandler handler = handlers.get(item.kind());
        if (tenant.isEmpty() || handler == null) {
            log.warn("work item={} kind={} cannot run: {}", item.id(), item.kind(),
                    tenant.isEmpty() ? "tenant gone" : "no handler on this node");
            queue.retry(item, Instant.now().plus(Duration.ofMinutes(1)), "no handler or tenant");
            return;
        }
        int groupSize = backlog ? groupSize(item, handler, tenant.get()) : 1;
        if (groupSize > 1) {
            runGroup(item, handler, tenant.get(), groupSize);
        } else {
            runOne(item, handler, tenant.get());
        }
    }

    private static int groupSize(WorkItem item, WorkHandler handler, TenantRef tenant) {
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            return handler.groupSize(item);
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /**
     * Items handed over by {@link Reservation#run}, on the reserved worker: together if their
     * handler works in groups; else the first here and the others back to the queue, due at once,
     * for the other workers.
     */
    private void runHandedOver(List<WorkItem> items) {
        try {
            WorkItem first = items.get(0);
            metrics.workHandedOver(first.kind(), items.size());
            Optional<TenantRef> tenant = tenants.byId(first.tenantId());
            WorkHandler handler = handlers.get(first.kind());
            if (items.size() == 1 || tenant.isEmpty() || handler == null) {
                items.forEach(item -> run(item, false));
            } else if (groupSize(first, handler, tenant.get()) > 1) {
                runTogether(items, handler, tenant.get());
            } else {
                items.subList(1, items.size()).forEach(item -> queue.postpone(item, Instant.now()));
                signal.signal();
                runOne(first, handler, tenant.get());
            }
        } finally {
            idleWorkers.release();
            signal.signal();
        }
    }

    /** The item and up to {@code size} − 1 more of its tenant and kind, claimed now, in one go. */
    private void runGroup(WorkItem first, WorkHandler handler, TenantRef tenant, int size) {
        List<WorkItem> group = new ArrayList<>(List.of(first));
        try {
            group.addAll(queue.claimMore(first, size - 1, config.lease()));
        } catch (RuntimeException e) {
            log.info("claiming more {} items failed, running one: {}", first.kind(), e.toString());
        }
        runTogether(group, handler, tenant);
    }

    /**
     * Items of one tenant and kind in one go (one transaction instead of one per item); what the
     * handler leaves, or all of them if the group fails, runs one by one.
     */
    private void runTogether(List<WorkItem> group, WorkHandler handler, TenantRef tenant) {
        List<WorkItem> left = group;
        if (group.size() > 1) {
            try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                left = handler.handleAll(List.copyOf(group));
                metrics.workGroup(group.get(0).kind(), group.size() - left.size());
            } catch (Exception e) {
                log.info("a group of {} {} items failed, running them one by one: {}", group.size(),
                        group.get(0).kind(), e.toString());
                left = group;
            }
        }
        left.forEach(item -> runOne(item, handler, tenant));
    }

    /** A held item's resumption, as its handler would have run it. */
    private void resume(WorkItem item, HeldWork.Resumption resumption) {
        Optional<TenantRef> tenant = tenants.byId(item.tenantId());
        if (tenant.isEmpty()) {
            log.warn("held work item={} kind={} cannot resume: tenant gone", item.id(), item.kind());
            queue.retry(item, Instant.now().plus(Duration.ofMinutes(1)), "no tenant");
            return;
        }
        runOne(item, tenant.get(), resumption);
    }

    private void runOne(WorkItem item, WorkHandler handler, TenantRef tenant) {
        runOne(item, tenant, () -> handler.handle(item));
    }

    private void runOne(WorkItem item, TenantRef tenant, HeldWork.Resumption work) {
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            work.run();
        } catch (LeaseLostException e) {
            log.warn("{}", e.getMessage());
        } catch (Exception e) {
            Instant next = Instant.now().plus(backoff(item.attempts()));
            log.warn("work item={} kind={} tenant={} failed (attempt {}), retry at {}: {}", item.id(), item.kind(),
                    tenant.slug(), item.attempts(), next, e.toString());
            queue.retry(item, next, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Back-off for handler crashes (not provider failures, which the send handler classifies itself). */
    static Duration backoff(int attempts) {
        long base = Math.min(300_000L, 1_000L << Math.min(attempts, 18));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
