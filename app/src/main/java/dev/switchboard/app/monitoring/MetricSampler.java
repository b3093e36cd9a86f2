package dev.switchboard.app.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node, every {@code switchboard.monitoring.sample-interval}: reads its figures, writes them
 * to {@code public.metric_sample}, and keeps them for the Prometheus gauges (queue, circuits,
 * integrations by type and status) so a scrape never queries the database.
 */
@Component
class MetricSampler {

    private static final Logger log = LoggerFactory.getLogger(MetricSampler.class);
    private static final int PRUNE_EVERY = 40;

    private final NodeMetrics node;
    private final MetricSamples samples;
    private final MonitoringProperties properties;
    private final MultiGauge integrations;
    private volatile Map<Metric, Double> latest = new EnumMap<>(Metric.class);
    private int runs;

    MetricSampler(NodeMetrics node, MetricSamples samples, MonitoringProperties properties, MeterRegistry registry) {
        this.node = node;
        this.samples = samples;
        this.properties = properties;
        gauge(registry, "switchboard.queue.depth", "Work items waiting or running", Metric.QUEUE_DEPTH);
        gauge(registry, "switchboard.queue.lag", "Seconds the oldest due work item has waited", Metric.QUEUE_LAG_SECONDS);
        gauge(registry, "switchboard.circuits.open", "Integrations whose circuit is open on this node", Metric.CIRCUITS_OPEN);
        this.integrations = MultiGauge.builder("switchboard.integrations").description("Integrations by type and status")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${switchboard.monitoring.sample-interval:15s}",
            fixedDelayString = "${switchboard.monitoring.sample-interval:15s}")
    void sample() {
        try {
            Map<Metric, Double> values = node.read();
            samples.write(Instant.now(), values);
            latest = values;
            integrations.register(node.lastIntegrationCounts().entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("type", e.getKey().split("/")[0], "status", e.getKey().split("/")[1]),
                            e.getValue()))
                    .toList(), true);
            if (++runs % PRUNE_EVERY == 0) {
                samples.forgetOlderThan(properties.keepSamples());
            }
        } catch (RuntimeException e) {
            log.warn("metric sampling failed: {}", e.toString());
        }
    }

    /** This node's latest figures. */
    Map<Metric, Double> latest() {
        return latest;
    }

    private void gauge(MeterRegistry registry, String name, String description, Metric metric) {
        Gauge.builder(name, this, sampler -> sampler.latest.getOrDefault(metric, 0.0)).description(description)
                .register(registry);
    }
}
