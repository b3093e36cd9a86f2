package dev.switchboard.core.inbound;

import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.support.Threads;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * Group commit of concurrent webhooks into the inbox: deliveries that arrive while their lane's
 * previous insert is running wait for it, then go into the next insert together, and each is
 * answered after that commit. One round trip and one commit then take what would have taken one
 * each; nothing is answered before it is durable. The {@link InboxMover} stores them into their
 * tenants' schemas from there.
 *
 * <p>A few lanes, each with at most one committer at a time; an integration always uses the same
 * lane, so its deliveries enter the inbox in the order they came. The request that finds its lane
 * idle commits itself, with whatever has queued behind it, and so pays no hand-off when there is
 * no contention; once its own delivery is in, it passes the rest of the queue to a committer
 * thread, so no request keeps committing for others while its own answer waits. A group that
 * fails is retried delivery by delivery, so one bad delivery fails alone.
 */
@Component
public class InboundGroupCommit implements DisposableBean {

    /** The most deliveries one insert takes: enough to amortize it, small enough to keep it short. */
    static final int MAX_DELIVERIES = 256;
    /** Commits at a time: a few overlap one insert's round trip with the next's, more only split groups. */
    private static final int LANES = 4;
    private static final Duration MAX_WAIT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(InboundGroupCommit.class);

    private final InboxRows inbox;
    private final InboxMover mover;
    private final IngestPressure pressure;
    private final Lane[] lanes = new Lane[LANES];
    private final ExecutorService committers = Threads.perTask("sb-ingest-commit");

    public InboundGroupCommit(InboxRows inbox, InboxMover mover, IngestPressure pressure) {
        this.inbox = inbox;
        this.mover = mover;
        this.pressure = pressure;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /** A delivery waiting for its commit. */
    private record Pending(InboxRows.NewRow row, CompletableFuture<Void> stored) {
    }

    /** A queue of deliveries, and whether a committer is working on it. */
    private static final class Lane {
        final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean committing = new AtomicBoolean();

        List<Pending> nextGroup() {
            List<Pending> group = new ArrayList<>();
            for (Pending next = queue.poll(); next != null; next = group.size() < MAX_DELIVERIES ? queue.poll() : null) {
                group.add(next);
            }
            return group;
        }
    }

    /**
     * Appends one delivery of an integration of the tenant in context to the inbox, together with
     * the deliveries of its lane that are waiting at the same time; returns once it is committed.
     */
    public void append(UUID integrationId, String channelType, List<InboundEvent> events) {
        TenantRef tenant = TenantContext.require();
        Pending mine = new Pending(InboxRows.NewRow.of(tenant.id(), integrationId, channelType, events),
                new CompletableFuture<>());
        Lane lane = lanes[Math.floorMod(integrationId.hashCode(), LANES)];
        pressure.arrived();
        try {
            lane.queue.add(mine);
            if (lane.committing.compareAndSet(false, true)) {
                commitUntilStored(lane, mine);
            }
            await(mine);
        } finally {
            pressure.answered();
        }
    }

    /** Commits groups until {@code mine} is stored (null: until the queue is empty), then lets go of the lane. */
    private void commitUntilStored(Lane lane, Pending mine) {
        while (true) {
            List<Pending> group = lane.nextGroup();
            if (!group.isEmpty()) {
                commit(group);
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

    private void commit(List<Pending> group) {
        try {
            inbox.append(group.stream().map(Pending::row).toList());
            mover.wake();
            group.forEach(pending -> pending.stored().complete(null));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).stored().completeExceptionally(e);
                return;
            }
            log.info("group of {} deliveries not stored ({}): storing them one by one", group.size(), e.toString());
            group.forEach(pending -> commit(List.of(pending)));
        } catch (Error e) { // not rethrown: the lane must go on, and every request hears of it
            group.forEach(pending -> pending.stored().completeExceptionally(e));
        }
    }

    private static void await(Pending pending) {
        try {
            pending.stored().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
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
