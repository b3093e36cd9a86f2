package dev.switchboard.agent.llm;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Each call to a tenant's model, for metrics: {@code switchboard.agent.model.requests} (timer, by
 * outcome). Kept apart from {@code switchboard.provider.requests}: a model answers in seconds, a
 * messaging provider in milliseconds, and one must not skew the other's latency alerts.
 */
@FunctionalInterface
public interface ModelCalls {

    ModelCalls NONE = (outcome, took) -> {
    };

    String SUCCESS = "success";

    /** @param outcome success, rate_limited, server_error, client_error, timeout, unreachable or invalid_response */
    void record(String outcome, Duration took);

    static ModelCalls micrometer(MeterRegistry registry) {
        return (outcome, took) -> Timer.builder("switchboard.agent.model.requests")
                .description("Calls to tenants' OpenAI-compatible model endpoints")
                .tags("outcome", outcome)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry)
                .record(took);
    }
}
