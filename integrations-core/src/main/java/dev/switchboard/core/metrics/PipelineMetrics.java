package dev.switchboard.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The platform's own meters. Tags are bounded — channel type, method, outcome — never a tenant or
 * an integration (per-integration figures are the database counters).
 *
 * <ul>
 *   <li>{@code switchboard.provider.requests} (timer): calls to providers by type, method, outcome</li>
 *   <li>{@code switchboard.webhooks} (timer): deliveries by type and outcome (stored, duplicate,
 *       unauthorized, not_found, malformed, error)</li>
 *   <li>{@code switchboard.messages} (counter): by type, direction and outcome (received, sent, failed)</li>
 *   <li>{@code switchboard.delivery.waits} (counter): sends held back, by reason: {@code rate_limit} (in
 *       the queue), {@code rate_limit_slot} (on the node, for a slot taken), {@code order}, {@code late},
 *       {@code circuit_open}</li>
 *   <li>{@code switchboard.work.groups} (summary): by kind, the items a worker finished together in
 *       one group (kinds handled in groups only)</li>
 * </ul>
 */
@Component
public class PipelineMetrics implements ProviderCalls {

    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void record(String type, String method, String outcome, Duration took) {
        Timer.builder("switchboard.provider.requests")
                .description("Calls to messaging providers")
                .tags("type", type, "method", method, "outcome", outcome)
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry)
                .record(took);
    }

    public void webhook(String type, String outcome, Duration took) {
        Timer.builder("switchboard.webhooks")
                .description("Webhook deliveries received")
                .tags("type", type, "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    public void messages(String type, String direction, String outcome, int count) {
        if (count > 0) {
            Counter.builder("switchboard.messages").tags("type", type, "direction", direction, "outcome", outcome)
                    .register(registry).increment(count);
        }
    }

    public void deliveryWait(String type, String reason) {
        Counter.builder("switchboard.delivery.waits").tags("type", type, "reason", reason).register(registry).increment();
    }

    public void workGroup(String kind, int finished) {
        DistributionSummary.builder("switchboard.work.groups").description("Work items a worker finished together")
                .tags("kind", kind).register(registry).record(finished);
    }

    public void workHandedOver(String kind, int items) {
        Counter.builder("switchboard.work.handed.over")
                .description("Work items written leased to this node and handed to its worker, without a claim")
                .tags("kind", kind).register(registry).increment(items);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
