package dev.switchboard.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.metrics.PipelineMetrics;
import dev.switchboard.core.support.NodeIdentity;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The dispatcher's claims, against a queue that always has more due items (the queue's own
 * statements are proven on PostgreSQL by {@code WorkQueueClaimIT}): it claims for its idle
 * workers and one item per worker ahead, runs the ones ahead as workers free up without claiming
 * again, and gives back what no worker started — when the node stops, or when an item has waited
 * half its lease. Items a handler holds ({@link HeldWork}) resume when due without the queue, and
 * go back to it when the node stops.
 */
class WorkDispatcherTest {

    private static final int WORKERS = 2;
    private static final TenantRef TENANT = new TenantRef(UUID.randomUUID(), "dispatch");

    private final WorkQueue queue = mock(WorkQueue.class);
    private final AtomicLong ids = new AtomicLong();
    private final Set<Long> handled = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<Long, Long> resumedAfterNanos = new ConcurrentHashMap<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HeldWork held;
    private WorkDispatcher dispatcher;

    @AfterEach
    void stop() {
        release.countDown();
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }

    @Test
    void claimsOneItemPerWorkerAheadAndRunsThemWithoutClaimingAgain() {
        start(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == WORKERS);

        // both workers were idle: a claim for them and one item each ahead, and none while they are busy
        verify(queue, times(1)).claim(anyString(), eq(2 * WORKERS), any());
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() >= 2 * WORKERS);
        assertThat(handled).contains(1L, 2L, 3L, 4L); // the ones ahead ran, in the order claimed
    }

    @Test
    void itemsNoWorkerStartedGoBackToTheQueueWhenTheNodeStops() throws Exception {
        start(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == WORKERS);

        Thread stopping = new Thread(dispatcher::stop); // it waits for the busy workers
        stopping.start();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(returnedItems()).containsExactlyInAnyOrder(3L, 4L));
        release.countDown();
        stopping.join(10_000);
        assertThat(handled).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void anItemWaitingHalfItsLeaseForAWorkerGoesBackInsteadOfRunning() throws Exception {
        start(Duration.ofMillis(400));
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == WORKERS);

        Thread.sleep(300); // longer than half the lease: items 3 and 4 could be another node's by the time they ran
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(returnedItems()).contains(3L, 4L));
        assertThat(handled).doesNotContain(3L, 4L);
    }

    @Test
    void aHeldItemResumesWhenDueWithoutTheQueueAndLeavesItsWorkerFreeMeanwhile() {
        start(Duration.ofMinutes(1), holding(Duration.ofMillis(300)));
        // the two workers took the next items while the first two were held
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.containsAll(List.of(1L, 2L, 3L, 4L)));
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> resumedAfterNanos.size() == 2);
        assertThat(resumedAfterNanos.values()).allSatisfy(nanos ->
                assertThat(Duration.ofNanos(nanos)).isGreaterThanOrEqualTo(Duration.ofMillis(300)));
        verify(queue, never()).postpone(any(), any());
    }

    @Test
    void heldItemsGoBackToTheQueueWhenTheNodeStops() {
        start(Duration.ofMinutes(1), holding(Duration.ofSeconds(2)));
        await().atMost(Duration.ofSeconds(5)).until(() -> held.size() >= 2);
        assertThat(registry.get("switchboard.work.held").gauge().value()).isEqualTo(2.0);
        release.countDown();

        dispatcher.stop();

        assertThat(returnedItems()).containsAll(List.of(1L, 2L));
        assertThat(resumedAfterNanos).isEmpty();
        assertThat(held.size()).isZero();
        assertThat(held.hold(item(99, Duration.ofMinutes(1)), Duration.ofMillis(1), () -> { }))
                .as("a stopped node holds nothing").isFalse();
    }

    @Test
    void aHoldThatWouldEndWithLessThanHalfTheLeaseLeftIsRefused() {
        start(Duration.ofMinutes(1), holding(Duration.ofSeconds(2)));

        assertThat(held.hold(item(98, Duration.ofSeconds(31)), Duration.ofMillis(500), () -> { })).isTrue();
        assertThat(held.hold(item(99, Duration.ofSeconds(30)), Duration.ofMillis(500), () -> { })).isFalse();
        assertThat(held.hold(item(100, Duration.ofMinutes(1)), Duration.ofMillis(2_001), () -> { }))
                .as("longer than a hold may last").isFalse();
    }

    private List<Long> returnedItems() {
        ArgumentCaptor<WorkItem> captor = ArgumentCaptor.forClass(WorkItem.class);
        verify(queue, atLeastOnce()).postpone(captor.capture(), any(Instant.class));
        return captor.getAllValues().stream().map(WorkItem::id).toList();
    }

    private WorkItem item(long id, Duration lease) {
        return new WorkItem(id, TENANT.id(), "slow", UUID.randomUUID(), 1, "node", Instant.now(),
                System.nanoTime() + lease.toNanos());
    }

    /** A dispatcher of two workers whose handler holds each item until {@link #release}. */
    private void start(Duration lease) {
        start(lease, item -> {
            handled.add(item.id());
            release.await(10, TimeUnit.SECONDS);
        });
    }

    /** A handler that holds the first two items it is given for {@code wait} and notes when they resume. */
    private Handling holding(Duration wait) {
        return item -> {
            handled.add(item.id());
            if (item.id() <= 2) {
                long heldAt = System.nanoTime();
                assertThat(held.hold(item, wait, () -> resumedAfterNanos.put(item.id(), System.nanoTime() - heldAt)))
                        .isTrue();
            } else {
                release.await(10, TimeUnit.SECONDS);
            }
        };
    }

    private interface Handling {
        void handle(WorkItem item) throws Exception;
    }

    private void start(Duration lease, Handling handling) {
        when(queue.claim(anyString(), anyInt(), any())).thenAnswer(call -> {
            List<WorkItem> items = new ArrayList<>();
            for (int i = 0; i < (int) call.getArgument(1); i++) {
                items.add(item(ids.incrementAndGet(), lease));
            }
            return items;
        });
        TenantDirectory tenants = mock(TenantDirectory.class);
        when(tenants.byId(TENANT.id())).thenReturn(Optional.of(TENANT));
        WorkHandler slow = new WorkHandler() {
            @Override
            public String kind() {
                return "slow";
            }

            @Override
            public void handle(WorkItem item) throws Exception {
                handling.handle(item);
            }
        };
        SwitchboardProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "switchboard.worker.threads", Integer.toString(WORKERS),
                "switchboard.worker.lease", lease.toMillis() + "ms",
                "switchboard.worker.idle-poll", "50ms")))
                .bindOrCreate("switchboard", SwitchboardProperties.class);
        WorkSignal signal = new WorkSignal();
        PipelineMetrics metrics = new PipelineMetrics(registry);
        held = new HeldWork(signal, properties, metrics);
        dispatcher = new WorkDispatcher(queue, signal, held, tenants, List.of(slow), properties, new NodeIdentity(),
                metrics);
        dispatcher.start();
    }
}
