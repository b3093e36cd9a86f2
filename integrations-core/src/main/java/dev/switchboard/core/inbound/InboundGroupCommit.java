package dev.switchboard.core.inbound;

import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.inbound.InboundStore.Delivery;
import dev.switchboard.core.support.Threads;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Group commit of concurrent webhooks: deliveries for one tenant that arrive while its previous
 * transaction is running wait for it, then go into the next transaction together, and each is
 * answered after that commit. One transaction (and one statement per table) then stores what
 * would have taken one each; nothing is answered before it is durable.
 *
 * <p>Each tenant has a lane with at most one committer at a time. The request that finds its
 * lane idle commits itself, with whatever has queued behind it, and so pays no hand-off when
 * there is no contention; once its own delivery is stored it passes the rest of the queue to a
 * committer thread, so no request keeps committing for others while its own answer waits.
 * A group that fails is retried delivery by delivery, so one bad delivery fails alone.
 */
@Component
public class InboundGroupCommit implements DisposableBean {

    /** The most events one transaction takes: enough to amortize it, small enough to keep it short. */
    static final int MAX_EVENTS = 256;
    private static final Duration MAX_WAIT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(InboundGroupCommit.class);

    private final InboundStore store;
    private final ConcurrentHashMap<UUID, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService committers = Threads.perTask("sb-ingest-commit");

    public InboundGroupCommit(InboundStore store) {
        this.store = store;
    }

    /** A delivery waiting for its commit. */
    private record Pending(Delivery delivery, CompletableFuture<Integer> stored) {
    }

    /** One tenant's queue, and whether a committer is working on it. */
    private static final class Lane {
        final TenantRef tenant;
        final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean committing = new AtomicBoolean();

        Lane(TenantRef tenant) {
            this.tenant = tenant;
        }

        List<Pending> nextGroup() {
            List<Pending> group = new ArrayList<>();
            int events = 0;
            for (Pending next = queue.peek(); next != null && (group.isEmpty() || events < MAX_EVENTS); next = queue.peek()) {
                group.add(queue.poll());
                events += next.delivery().events().size();
            }
            return group;
        }
    }

    /**
     * Stores one delivery for the tenant in context, together with the deliveries of its tenant
     * that are waiting at the same time.
     *
     * @return how many of its events were new
     */
    public int store(UUID integrationId, List<InboundEvent> events) {
        TenantRef tenant = TenantContext.require();
        Pending mine = new Pending(new Delivery(integrationId, events), new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(tenant.id(), id -> new Lane(tenant));
        lane.queue.add(mine);
        if (lane.committing.compareAndSet(false, true)) {
            commitUntilStored(lane, mine);
        }
        return await(mine);
    }

    /** Commits groups until {@code mine} is stored (null: until the queue is empty), then lets go of the lane. */
    private void commitUntilStored(Lane lane, Pending mine) {
        while (true) {
            List<Pending> group = lane.nextGroup();
            if (!group.isEmpty()) {
                commit(lane.tenant, group);
                if (mine == null || !mine.stored().isDone()) {
                    continue;
                }
                if (!lane.queue.isEmpty() && handedOver(lane)) {
                    return;
                }
            }
            lane.committing.set(false);
            // a delivery queued after the last poll, whose request saw the lane taken, is ours to commit
            if (lane.queue.isEmpty() || !lane.committing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** Passes a lane that is still taken to a committer thread; false when there is none (shutting down). */
    private boolean handedOver(Lane lane) {
        try {
            committers.execute(() -> commitUntilStored(lane, null));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void commit(TenantRef tenant, List<Pending> group) {
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            try {
                int[] stored = store.storeAll(group.stream().map(Pending::delivery).toList());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).stored().complete(stored[i]);
                }
            } catch (RuntimeException e) {
                if (group.size() == 1) {
                    group.get(0).stored().completeExceptionally(e);
                    return;
                }
                log.info("group of {} deliveries not stored ({}): storing them one by one", group.size(), e.toString());
                group.forEach(pending -> commit(tenant, List.of(pending)));
            } catch (Error e) { // not rethrown: the lane must go on, and every request hears of it
                group.forEach(pending -> pending.stored().completeExceptionally(e));
            }
        }
    }

    private static int await(Pending pending) {
        try {
            return pending.stored().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("inbound delivery not stored", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("inbound delivery not stored within " + MAX_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the delivery was being stored");
        }
    }

    @Override
    public void destroy() {
        committers.shutdown();
    }
}
