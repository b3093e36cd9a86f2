package dev.switchboard.core.outbound;

import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.config.SwitchboardProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One Resilience4j circuit breaker per integration, on this node: repeated 5xx answers or timeouts
 * open it, and while it is open no call goes to the provider (sends wait in the queue); after the
 * open period a probe is let through and a success closes it. Rate limiting (429) and the
 * request's own faults (4xx) are not the provider failing, and do not count.
 */
@Component
public class ProviderCircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(ProviderCircuitBreakers.class);

    private final CircuitBreakerRegistry registry;
    private final Duration openDuration;

    public ProviderCircuitBreakers(SwitchboardProperties properties) {
        SwitchboardProperties.Circuit circuit = properties.delivery().circuit();
        this.openDuration = circuit.openDuration();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(circuit.window())
                .minimumNumberOfCalls(circuit.minimumCalls())
                .failureRateThreshold(circuit.failureRate())
                .waitDurationInOpenState(circuit.openDuration())
                .permittedNumberOfCallsInHalfOpenState(circuit.probes())
                .build());
    }

    /** A call may go out; when it may not, the caller waits {@link #retryDelay()}. */
    public boolean tryAcquire(UUID integrationId) {
        return breaker(integrationId).tryAcquirePermission();
    }

    /** Gives back a permission that was not used for a call (the send had to wait for its rate). */
    public void release(UUID integrationId) {
        breaker(integrationId).releasePermission();
    }

    public Duration retryDelay() {
        return openDuration.dividedBy(4).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                : openDuration.dividedBy(4);
    }

    public void succeeded(UUID integrationId, Duration took) {
        CircuitBreaker breaker = breaker(integrationId);
        CircuitBreaker.State before = breaker.getState();
        breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        if (before != breaker.getState()) {
            log.info("circuit breaker integration={} {} -> {}", integrationId, before, breaker.getState());
        }
    }

    public void failed(UUID integrationId, Duration took, ChannelException error) {
        CircuitBreaker breaker = breaker(integrationId);
        if (error.retryable() && error.status() != 429) {
            CircuitBreaker.State before = breaker.getState();
            breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, error);
            if (before != breaker.getState()) {
                log.warn("circuit breaker integration={} {} -> {}", integrationId, before, breaker.getState());
            }
        } else if (error.status() == 429) {
            breaker.releasePermission();
        } else {
            breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** {@code closed}, {@code open}, {@code half_open}, ... as this node sees it. */
    public String state(UUID integrationId) {
        return registry.find(integrationId.toString()).map(b -> b.getState().name().toLowerCase(Locale.ROOT))
                .orElse("closed");
    }

    /** How many integrations' circuits are open on this node. */
    public long openCount() {
        return registry.getAllCircuitBreakers().stream()
                .filter(b -> b.getState() == CircuitBreaker.State.OPEN || b.getState() == CircuitBreaker.State.FORCED_OPEN)
                .count();
    }

    private CircuitBreaker breaker(UUID integrationId) {
        return registry.circuitBreaker(integrationId.toString());
    }
}
