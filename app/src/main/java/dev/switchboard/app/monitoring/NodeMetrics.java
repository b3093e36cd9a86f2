package dev.switchboard.app.monitoring;

import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.integration.IntegrationStatus;
import dev.switchboard.core.lifecycle.IntegrationLifecycle;
import dev.switchboard.core.outbound.ProviderCircuitBreakers;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads this node's figures: counters from Micrometer, gauges from the queue and the integrations. */
@Component
class NodeMetrics {

    private static final Set<String> PROVIDER_ERRORS = Set.of("server_error", "unreachable");
    /**
     * Long polls wait by design (up to the poll timeout) and carry no work: counted with the
     * other calls they drowned the error rate of the sends in idle polls (every polling bot asks
     * again every few seconds) and made the latency percentiles report the poll timeout.
     * Prometheus still has them, under their method.
     */
    private static final Set<String> LONG_POLLS = Set.of("getUpdates", "receiveNotification");
    private static final Set<String> WEBHOOK_OK = Set.of("accepted", "ignored");

    private final MeterRegistry registry;
    private final WorkQueue queue;
    private final TenantDirectory tenants;
    private final IntegrationRepository integrations;
    private final IntegrationLifecycle lifecycle;
    private final ProviderCircuitBreakers breakers;
    private final TransactionTemplate tx;
    private volatile Map<String, Long> lastIntegrationCounts = Map.of();

    NodeMetrics(MeterRegistry registry, WorkQueue queue, TenantDirectory tenants, IntegrationRepository integrations,
                IntegrationLifecycle lifecycle, ProviderCircuitBreakers breakers, TransactionTemplate tx) {
        this.registry = registry;
        this.queue = queue;
        this.tenants = tenants;
        this.integrations = integrations;
        this.lifecycle = lifecycle;
        this.breakers = breakers;
        this.tx = tx;
    }

    Map<Metric, Double> read() {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        providerCalls(values);
        webhooks(values);
        values.put(Metric.MESSAGES_IN, messages("in", null));
        values.put(Metric.MESSAGES_SENT, messages("out", "sent"));
        values.put(Metric.SEND_FAILURES, messages("out", "failed"));
        values.put(Metric.QUEUE_DEPTH, (double) queue.depth());
        values.put(Metric.QUEUE_LAG_SECONDS, queue.lag().toMillis() / 1000.0);
        values.put(Metric.INTEGRATIONS_IN_ERROR, (double) inError(integrationsByTypeAndStatus()));
        values.put(Metric.RECONCILE_UNREPAIRED, (double) lifecycle.unrepaired());
        values.put(Metric.CIRCUITS_OPEN, (double) breakers.openCount());
        return values;
    }

    private void providerCalls(Map<Metric, Double> values) {
        double requests = 0;
        double errors = 0;
        double limited = 0;
        double p50 = 0;
        double p95 = 0;
        double p99 = 0;
        for (Timer timer : registry.find("switchboard.provider.requests").timers()) {
            if (LONG_POLLS.contains(timer.getId().getTag("method"))) {
                continue;
            }
            String outcome = timer.getId().getTag("outcome");
            requests += timer.count();
            errors += PROVIDER_ERRORS.contains(outcome) ? timer.count() : 0;
            limited += "rate_limited".equals(outcome) ? timer.count() : 0;
            for (ValueAtPercentile percentile : timer.takeSnapshot().percentileValues()) {
                double seconds = percentile.value(TimeUnit.SECONDS);
                if (percentile.percentile() == 0.5) {
                    p50 = Math.max(p50, seconds);
                } else if (percentile.percentile() == 0.95) {
                    p95 = Math.max(p95, seconds);
                } else if (percentile.percentile() == 0.99) {
                    p99 = Math.max(p99, seconds);
                }
            }
        }
        values.put(Metric.PROVIDER_REQUESTS, requests);
        values.put(Metric.PROVIDER_ERRORS, errors);
        values.put(Metric.PROVIDER_RATE_LIMITED, limited);
        values.put(Metric.PROVIDER_LATENCY_P50, p50);
        values.put(Metric.PROVIDER_LATENCY_P95, p95);
        values.put(Metric.PROVIDER_LATENCY_P99, p99);
    }

    private void webhooks(Map<Metric, Double> values) {
        double requests = 0;
        double failures = 0;
        for (Timer timer : registry.find("switchboard.webhooks").timers()) {
            requests += timer.count();
            failures += WEBHOOK_OK.contains(timer.getId().getTag("outcome")) ? 0 : timer.count();
        }
        values.put(Metric.WEBHOOK_REQUESTS, requests);
        values.put(Metric.WEBHOOK_FAILURES, failures);
    }

    private double messages(String direction, String outcome) {
        return registry.find("switchboard.messages").tag("direction", direction).counters().stream()
                .filter(c -> outcome == null || outcome.equals(c.getId().getTag("outcome")))
                .mapToDouble(c -> c.count()).sum();
    }

    /** Integrations of all tenants by "type/status" (the tenants are walked one by one, never joined). */
    Map<String, Long> integrationsByTypeAndStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (TenantRef tenant : tenants.all()) {
            try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                java.util.List<Object[]> rows = tx.execute(status -> integrations.countByTypeAndStatus());
                for (Object[] row : rows) {
                    counts.merge(row[0] + "/" + ((IntegrationStatus) row[1]).wireName(), (Long) row[2], Long::sum);
                }
            } catch (org.springframework.dao.DataAccessException e) {
                // a tenant being created or deleted right now: counted next time
            }
        }
        lastIntegrationCounts = counts;
        return counts;
    }

    /** The counts of the last {@link #read()}, for the Prometheus gauge. */
    Map<String, Long> lastIntegrationCounts() {
        return lastIntegrationCounts;
    }

    private static long inError(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith("/error")).mapToLong(Map.Entry::getValue).sum();
    }
}
