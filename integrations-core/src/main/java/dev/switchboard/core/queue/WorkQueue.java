package dev.switchboard.core.queue;

import dev.switchboard.core.support.SqlArrays;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable work queue ({@code public.work_item}). Enqueueing joins the caller's transaction,
 * so work exists exactly when the data it refers to was committed. Claims use
 * {@code FOR UPDATE SKIP LOCKED}; a claim moves {@code run_at} to the end of its lease, so the
 * items of a worker that died become due again by themselves. Claims and postponements commit
 * without waiting for the disk ({@link RelaxedDurability}): losing one only makes an item due.
 */
@Component
public class WorkQueue {

    private static final String CLAIM_TEMPLATE = """
                WITH due AS MATERIALIZED (
                    SELECT id FROM public.work_item
                    WHERE run_at <= now() %s
                    ORDER BY run_at
                    LIMIT :max
                    FOR UPDATE SKIP LOCKED)
                UPDATE public.work_item w
                SET run_at = now() + make_interval(secs => :leaseSeconds), lease_owner = :owner, attempts = w.attempts + 1
                WHERE w.id = ANY (ARRAY (SELECT id FROM due))
                RETURNING w.id, w.tenant_id, w.kind, w.ref_id, w.attempts, w.created_at
                """;
    static final String CLAIM = CLAIM_TEMPLATE.formatted("");
    static final String CLAIM_MORE = CLAIM_TEMPLATE.formatted("AND tenant_id = :tenant AND kind = :kind");

    private final JdbcClient jdbc;
    private final JdbcClient relaxed;
    private final WorkSignal signal;

    public WorkQueue(JdbcClient jdbc, RelaxedDurability relaxed, WorkSignal signal) {
        this.jdbc = jdbc;
        this.relaxed = relaxed.jdbc();
        this.signal = signal;
    }

    public void enqueue(UUID tenantId, String kind, UUID refId) {
        enqueueAt(tenantId, kind, refId, null);
    }

    /** One item of {@code kind} per reference, in one statement. */
    public void enqueueAll(UUID tenantId, String kind, List<UUID> refIds) {
        if (refIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO public.work_item (tenant_id, kind, ref_id, run_at)
                SELECT :tenant, :kind, ref, now() FROM unnest(:refs) AS ref
                """)
                .param("tenant", tenantId)
                .param("kind", kind)
                .param("refs", SqlArrays.uuids(refIds))
                .update();
        signalAfterCommit();
    }

    public void enqueueAt(UUID tenantId, String kind, UUID refId, Instant runAt) {
        jdbc.sql("""
                INSERT INTO public.work_item (tenant_id, kind, ref_id, run_at)
                VALUES (:tenant, :kind, :ref, coalesce(:runAt, now()))
                """)
                .param("tenant", tenantId)
                .param("kind", kind)
                .param("ref", refId)
                .param("runAt", runAt == null ? null : OffsetDateTime.ofInstant(runAt, ZoneOffset.UTC))
                .update();
        signalAfterCommit();
    }

    /**
     * Claims up to {@code max} due items for {@code owner}, oldest due first. The candidates are a
     * materialized CTE: as a plain {@code IN (subquery)} the planner may rescan the subquery, and
     * each rescan skips the rows the previous one locked, so one claim could take more than
     * {@code max} items (seen under load: 2 free workers, 5 items claimed). They are updated by
     * id from an array, which keeps the pool's generic plan an index scan whatever {@code max}
     * (a join with the CTE planned for an unknown limit hashed the whole table: 7 ms a claim).
     */
    public List<WorkItem> claim(String owner, int max, Duration lease) {
        return claim(CLAIM, Map.of(), owner, max, lease);
    }

    /**
     * Claims up to {@code max} more due items of one tenant and kind: the ones a handler that works
     * in groups ({@link WorkHandler#groupSize()}) takes along with the item it was given.
     */
    public List<WorkItem> claimMore(WorkItem given, int max, Duration lease) {
        return claim(CLAIM_MORE, Map.of("tenant", given.tenantId(), "kind", given.kind()), given.owner(), max, lease);
    }

    private List<WorkItem> claim(String sql, Map<String, Object> filter, String owner, int max, Duration lease) {
        long leaseEnds = System.nanoTime() + lease.toNanos();
        return relaxed.sql(sql)
                .params(filter)
                .param("leaseSeconds", lease.toMillis() / 1000.0)
                .param("owner", owner)
                .param("max", max)
                .query((rs, n) -> new WorkItem(rs.getLong("id"), rs.getObject("tenant_id", UUID.class),
                        rs.getString("kind"), rs.getObject("ref_id", UUID.class), rs.getInt("attempts"), owner,
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), leaseEnds))
                .list();
    }

    /**
     * Removes a finished item, inside the transaction that recorded the work's effects.
     *
     * @throws LeaseLostException when another worker has claimed the item since: roll back
     */
    public void complete(WorkItem item) {
        int removed = jdbc.sql("DELETE FROM public.work_item WHERE id = :id AND lease_owner = :owner AND attempts = :attempts")
                .param("id", item.id())
                .param("owner", item.owner())
                .param("attempts", item.attempts())
                .update();
        if (removed == 0) {
            throw new LeaseLostException(item);
        }
    }

    /**
     * {@link #complete} for several items of this node at once, in one statement.
     *
     * @throws LeaseLostException when any of them was claimed by another worker since: roll back
     */
    public void completeAll(List<WorkItem> items) {
        if (items.isEmpty()) {
            return;
        }
        int removed = jdbc.sql("""
                        DELETE FROM public.work_item w USING unnest(:ids, :attempts) AS done(id, attempts)
                        WHERE w.id = done.id AND w.attempts = done.attempts AND w.lease_owner = :owner""")
                .param("ids", SqlArrays.longs(items.stream().map(WorkItem::id).toList()))
                .param("attempts", SqlArrays.ints(items.stream().map(WorkItem::attempts).toList()))
                .param("owner", items.get(0).owner())
                .update();
        if (removed != items.size()) {
            throw new LeaseLostException(items.size() - removed + " of " + items.size() + " work items ("
                    + items.get(0).kind() + ") were claimed by another worker");
        }
    }

    /** Releases the item to run again at {@code runAt}, keeping the reason. */
    public void retry(WorkItem item, Instant runAt, String reason) {
        jdbc.sql("""
                UPDATE public.work_item SET run_at = :runAt, lease_owner = NULL, last_error = :reason
                WHERE id = :id AND lease_owner = :owner AND attempts = :attempts
                """)
                .param("runAt", OffsetDateTime.ofInstant(runAt, ZoneOffset.UTC))
                .param("reason", reason)
                .param("id", item.id())
                .param("owner", item.owner())
                .param("attempts", item.attempts())
                .update();
    }

    /**
     * Puts a claimed item back without counting the claim as an attempt (a rate-limit wait). On its
     * own connection, outside any transaction of the caller.
     */
    public void postpone(WorkItem item, Instant runAt) {
        relaxed.sql("""
                UPDATE public.work_item SET run_at = :runAt, lease_owner = NULL, attempts = attempts - 1
                WHERE id = :id AND lease_owner = :owner AND attempts = :attempts
                """)
                .param("runAt", OffsetDateTime.ofInstant(runAt, ZoneOffset.UTC))
                .param("id", item.id())
                .param("owner", item.owner())
                .param("attempts", item.attempts())
                .update();
    }

    public long depth() {
        return jdbc.sql("SELECT count(*) FROM public.work_item").query(Long.class).single();
    }

    /** How long the oldest due item has been waiting. */
    public Duration lag() {
        Double seconds = jdbc.sql("SELECT extract(epoch FROM now() - min(run_at)) FROM public.work_item WHERE run_at <= now()")
                .query(Double.class).optional().orElse(null);
        return seconds == null ? Duration.ZERO : Duration.ofMillis((long) (seconds * 1000));
    }

    /**
     * Wakes the workers once the caller's transaction commits: for items a statement of the
     * caller's own inserted ({@code InboundInsert}).
     */
    public void signalAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.signal();
                }
            });
        } else {
            signal.signal();
        }
    }
}
