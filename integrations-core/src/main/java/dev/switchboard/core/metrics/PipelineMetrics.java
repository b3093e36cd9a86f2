package dev.switchboard.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
    /**
     * The meters already registered, by name and tag values: a meter's builder and registration
     * (hashing its id's tags) on every message was a visible share of the inbox mover's CPU.
     */
    private final Map<List<String>, Meter> registered = new ConcurrentHashMap<>();

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meter of this name and these tag values, registered by {@code register} the first time. */
    @SuppressWarnings("unchecked")
    private <M extends Meter> M meter(String name, Function<String, M> register, String... tagValues) {
        List<String> key = new ArrayList<>(tagValues.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(tagValues));
        return (M) registered.computeIfAbsent(key, k -> register.apply(name));
    }

    @Override
    public void record(String type, String method, String outcome, Duration took) {
        this.<Timer>meter("switchboard.provider.requests", name -> Timer.builder(name)
                .description("Calls to messaging providers")
                .tags("type", type, "method", method, "outcome", outcome)
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry), type, method, outcome)
                .record(took);
    }

    public void webhook(String type, String outcome, Duration took) {
        this.<Timer>meter("switchboard.webhooks", name -> Timer.builder(name)
                .description("Webhook deliveries received")
                .tags("type", type, "outcome", outcome)
                .publishPercentileHistogram()
                .register(registry), type, outcome)
                .record(took);
    }

    public void messages(String type, String direction, String outcome, int count) {
        if (count > 0) {
            this.<Counter>meter("switchboard.messages", name -> Counter.builder(name)
                            .tags("type", type, "direction", direction, "outcome", outcome).register(registry),
                    type, direction, outcome)
                    .increment(count);
        }
    }

    public void deliveryWait(String type, String reason) {
        this.<Counter>meter("switchboard.delivery.waits", name -> Counter.builder(name).tags("type", type, "reason", reason)
                .register(registry), type, reason)
                .increment();
    }

    public void workGroup(String kind, int finished) {
        this.<DistributionSummary>meter("switchboard.work.groups", name -> DistributionSummary.builder(name)
                .description("Work items a worker finished together").tags("kind", kind).register(registry), kind)
                .record(finished);
    }

    public void workHandedOver(String kind, int items) {
        this.<Counter>meter("switchboard.work.handed.over", name -> Counter.builder(name)
                .description("Work items written leased to this node and handed to its worker, without a claim")
                .tags("kind", kind).register(registry), kind)
                .increment(items);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
