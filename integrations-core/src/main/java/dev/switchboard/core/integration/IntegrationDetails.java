package dev.switchboard.core.integration;

import java.net.URI;

/**
 * An integration with its counters, webhook URL and the state of its circuit breaker on this
 * node: what the API and UI show.
 */
public record IntegrationDetails(Integration integration, IntegrationCounters.Totals totals, URI webhookUrl,
                                 String circuit) {
}
