package dev.switchboard.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    @Test
    void aMeterKeptForItsTagsCountsInTheRegistryAndOtherTagsGetTheirOwn() {
        metrics.messages("telegram", "in", "received", 3);
        metrics.messages("telegram", "in", "received", 2);
        metrics.messages("telegram", "out", "received", 1);
        metrics.messages("whatsapp", "in", "received", 7);

        assertThat(registry.get("switchboard.messages").tags("type", "telegram", "direction", "in").counter().count())
                .isEqualTo(5);
        assertThat(registry.get("switchboard.messages").tags("type", "telegram", "direction", "out").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("switchboard.messages").tags("type", "whatsapp").counter().count()).isEqualTo(7);
    }

    @Test
    void metersOfTheSameTagValuesButAnotherNameStayApart() {
        metrics.webhook("telegram", "accepted", Duration.ofMillis(4));
        metrics.webhook("telegram", "accepted", Duration.ofMillis(6));
        metrics.deliveryWait("telegram", "accepted");

        assertThat(registry.get("switchboard.webhooks").timer().count()).isEqualTo(2);
        assertThat(registry.get("switchboard.delivery.waits").counter().count()).isEqualTo(1);
    }
}
