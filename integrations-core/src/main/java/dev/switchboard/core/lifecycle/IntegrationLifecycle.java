package dev.switchboard.core.lifecycle;

import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.HealthReport;
import dev.switchboard.core.channel.ReconcileReport;
import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationHandles;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.integration.IntegrationStatus;
import dev.switchboard.core.notify.Notifier;
import dev.switchboard.core.support.Json;
import dev.switchboard.core.support.SqlArrays;
import dev.switchboard.core.support.Threads;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every tenant's integrations working without anyone touching them: {@link #reconcileAll()}
 * makes each active integration's remote registration match ours again (a webhook deleted or
 * changed behind our back is set again); {@link #checkAll()} probes each one and turns it
 * {@code error} when the provider refuses its credentials — telling the tenant — and
 * {@code active} again when they work. Integrations are handled concurrently, each with its
 * tenant in context.
 */
@Service
public class IntegrationLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntegrationLifecycle.class);

    /** What one pass did, for the job log. */
    public record Summary(int integrations, int repaired, int failed, int recovered, int unrepaired) {
        @Override
        public String toString() {
            return integrations + " integrations, " + repaired + " repaired, " + failed + " failing, "
                    + recovered + " recovered, " + unrepaired + " not reachable";
        }
    }

    private final TenantDirectory tenants;
    private final IntegrationRepository integrations;
    private final IntegrationHandles handles;
    private final ChannelRegistry channels;
    private final Notifier notifier;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final int concurrency;
    private final java.time.Duration reconcileInterval;
    private final java.util.concurrent.atomic.AtomicReference<LastReconcile> lastReconcile =
            new java.util.concurrent.atomic.AtomicReference<>();

    public IntegrationLifecycle(TenantDirectory tenants, IntegrationRepository integrations, IntegrationHandles handles,
                                ChannelRegistry channels, Notifier notifier, TransactionTemplate tx, JdbcClient jdbc,
                                SwitchboardProperties properties) {
        this.tenants = tenants;
        this.integrations = integrations;
        this.handles = handles;
        this.channels = channels;
        this.notifier = notifier;
        this.tx = tx;
        this.jdbc = jdbc;
        this.concurrency = properties.jobs().concurrency();
        this.reconcileInterval = properties.jobs().reconcileInterval();
    }

    public Summary reconcileAll() {
        Summary summary = forEach(List.of(IntegrationStatus.ACTIVE), this::reconcile);
        lastReconcile.set(new LastReconcile(Instant.now(), summary.unrepaired()));
        return summary;
    }

    /**
     * Active integrations whose registration the last reconcile could not check or repair, as
     * this node saw it; 0 once that run is two periods old (another node runs the job now).
     */
    public int unrepaired() {
        LastReconcile last = lastReconcile.get();
        return last == null || last.at().isBefore(Instant.now().minus(reconcileInterval.multipliedBy(2)))
                ? 0 : last.unrepaired();
    }

    private record LastReconcile(Instant at, int unrepaired) {
    }

    public Summary checkAll() {
        return forEach(List.of(IntegrationStatus.ACTIVE, IntegrationStatus.ERROR), this::check);
    }

    private enum Outcome { UNCHANGED, REPAIRED, FAILED, RECOVERED, UNREACHABLE }

    private interface Step {
        Outcome run(TenantPass pass, Integration integration, ChannelProvider provider);
    }

    private Outcome reconcile(TenantPass pass, Integration integration, ChannelProvider provider) {
        TenantRef tenant = pass.tenant();
        try {
            ReconcileReport report = provider.reconcile(handles.handle(tenant, integration));
            Map<String, Object> state = new LinkedHashMap<>(report.details());
            state.put("summary", report.summary());
            if (report.changedSettings().isEmpty()) {
                pass.reconciled(integration.getId(), state);
            } else {
                update(integration.getId(), i -> {
                    i.reconciled(state);
                    Map<String, Object> settings = new LinkedHashMap<>(i.getSettings());
                    settings.putAll(report.changedSettings());
                    i.replaceSettings(settings);
                });
            }
            if (report.repaired()) {
                log.warn("integration repaired tenant={} integration={} type={}: {}", tenant.slug(),
                        integration.getId(), integration.getType(), report.summary());
                return Outcome.REPAIRED;
            }
            return Outcome.UNCHANGED;
        } catch (ChannelException e) {
            return refused(tenant, integration, e);
        }
    }

    private Outcome check(TenantPass pass, Integration integration, ChannelProvider provider) {
        TenantRef tenant = pass.tenant();
        try {
            HealthReport report = provider.check(handles.handle(tenant, integration));
            if (!report.ok()) {
                return refused(tenant, integration, new ChannelException(ChannelException.Kind.PERMANENT, 0, null,
                        report.summary(), null));
            }
            boolean wasFailing = integration.getStatus() == IntegrationStatus.ERROR;
            update(integration.getId(), i -> {
                i.observed(report.details());
                if (wasFailing) {
                    i.recovered();
                    notifier.notify(describe(integration) + " works again.", null);
                }
            });
            if (wasFailing) {
                log.info("integration recovered tenant={} integration={}", tenant.slug(), integration.getId());
                return Outcome.RECOVERED;
            }
            return Outcome.UNCHANGED;
        } catch (ChannelException e) {
            return refused(tenant, integration, e);
        }
    }

    /**
     * For work outside the scheduled jobs (a calendar call, say) that learned the provider refuses
     * the credentials: the integration turns {@code error} and the tenant is told, as a health
     * check would. The tenant must be in context.
     */
    public void refused(UUID integrationId, ChannelException e) {
        TenantRef tenant = TenantContext.require();
        tx.execute(status -> integrations.findById(integrationId)).ifPresent(integration -> refused(tenant, integration, e));
    }

    /**
     * The provider answered no: refused credentials turn the integration {@code error} and tell
     * the tenant (once); a provider that is merely unreachable only leaves a note.
     */
    private Outcome refused(TenantRef tenant, Integration integration, ChannelException e) {
        if (e.retryable()) {
            update(integration.getId(), i -> i.noteError(e.getMessage()));
            log.warn("integration unreachable tenant={} integration={}: {}", tenant.slug(), integration.getId(),
                    e.getMessage());
            return Outcome.UNREACHABLE;
        }
        boolean newlyFailing = integration.getStatus() != IntegrationStatus.ERROR;
        update(integration.getId(), i -> {
            i.checked();
            i.failed(e.getMessage());
            if (newlyFailing) {
                notifier.notify(describe(integration) + " stopped working: " + e.getMessage(), integration.getId());
            }
        });
        if (newlyFailing) {
            log.warn("integration failing tenant={} integration={} type={}: {}", tenant.slug(), integration.getId(),
                    integration.getType(), e.getMessage());
        }
        return Outcome.FAILED;
    }

    private Summary forEach(List<IntegrationStatus> statuses, Step step) {
        List<Future<Outcome>> results = new ArrayList<>();
        Semaphore permits = new Semaphore(concurrency);
        ExecutorService executor = Threads.perTask("sb-lifecycle");
        try {
            for (TenantRef tenant : tenants.all()) {
                List<Integration> found = listIn(tenant, statuses).stream()
                        .filter(integration -> channels.byType(integration.getType()).isPresent()).toList();
                TenantPass pass = new TenantPass(tenant, found.size());
                for (Integration integration : found) {
                    ChannelProvider provider = channels.byType(integration.getType()).orElseThrow();
                    permits.acquireUninterruptibly();
                    results.add(executor.submit(() -> {
                        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                            try {
                                return step.run(pass, integration, provider);
                            } finally {
                                pass.done();
                            }
                        } finally {
                            permits.release();
                        }
                    }));
                }
            }
            return summarize(results);
        } finally {
            executor.shutdown();
        }
    }

    private List<Integration> listIn(TenantRef tenant, List<IntegrationStatus> statuses) {
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            List<Integration> found = new ArrayList<>();
            tx.executeWithoutResult(status -> statuses.forEach(s -> found.addAll(integrations.findByStatus(s))));
            return found;
        } catch (org.springframework.dao.DataAccessException e) {
            log.info("tenant {} skipped (being created or deleted): {}", tenant.slug(), e.getClass().getSimpleName());
            return List.of();
        }
    }

    private static Summary summarize(List<Future<Outcome>> results) {
        AtomicInteger repaired = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger recovered = new AtomicInteger();
        AtomicInteger unreachable = new AtomicInteger();
        for (Future<Outcome> result : results) {
            try {
                switch (result.get()) {
                    case REPAIRED -> repaired.incrementAndGet();
                    case FAILED -> failed.incrementAndGet();
                    case RECOVERED -> recovered.incrementAndGet();
                    case UNREACHABLE -> unreachable.incrementAndGet();
                    default -> {
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                failed.incrementAndGet();
                log.warn("integration lifecycle step failed: {}", e.getCause().toString());
            }
        }
        return new Summary(results.size(), repaired.get(), failed.get(), recovered.get(), unreachable.get());
    }

    /**
     * One tenant's share of a pass. The common case of a reconcile (nothing to repair: every active
     * integration, every period) is recorded for the whole tenant in one statement when its last
     * integration is done; per integration, the transaction cost more than the provider's answer.
     */
    private final class TenantPass {

        private record Reconciled(UUID integrationId, String state) {
        }

        private final TenantRef tenant;
        private final AtomicInteger remaining;
        private final Queue<Reconciled> reconciled = new ConcurrentLinkedQueue<>();

        TenantPass(TenantRef tenant, int integrations) {
            this.tenant = tenant;
            this.remaining = new AtomicInteger(integrations);
        }

        TenantRef tenant() {
            return tenant;
        }

        void reconciled(UUID integrationId, Map<String, Object> state) {
            reconciled.add(new Reconciled(integrationId, Json.write(state)));
        }

        /** Called once per integration, in its tenant's context; the last one writes. */
        void done() {
            if (remaining.decrementAndGet() > 0 || reconciled.isEmpty()) {
                return;
            }
            List<Reconciled> rows = List.copyOf(reconciled);
            try {
                tx.executeWithoutResult(status -> jdbc.sql("""
                                UPDATE integration i SET remote_state = r.state::jsonb, reconciled_at = now()
                                FROM unnest(:ids, :states) AS r(id, state) WHERE i.id = r.id""")
                        .param("ids", SqlArrays.uuids(rows.stream().map(Reconciled::integrationId).toList()))
                        .param("states", SqlArrays.texts(rows.stream().map(Reconciled::state).toList()))
                        .update());
            } catch (org.springframework.dao.DataAccessException e) {
                // the checks stand; only their record is missing until the next pass
                log.warn("recording the reconcile of tenant {} failed: {}", tenant.slug(), e.getClass().getSimpleName());
            }
        }
    }

    private void update(UUID integrationId, java.util.function.Consumer<Integration> change) {
        tx.executeWithoutResult(status -> integrations.findById(integrationId).ifPresent(change));
    }

    private static String describe(Integration integration) {
        return "The " + integration.getType() + " integration \"" + integration.getName() + "\"";
    }
}
