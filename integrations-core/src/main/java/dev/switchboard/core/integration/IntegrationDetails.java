package dev.switchboard.core.integration;

import java.net.URI;

/** An integration with its counters and webhook URL: what the API and UI show. */
public record IntegrationDetails(Integration integration, IntegrationCounters.Totals totals, URI webhookUrl) {
}
