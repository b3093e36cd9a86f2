package dev.switchboard.app.monitoring;

import dev.switchboard.core.outbound.NewOutbound;
import dev.switchboard.core.outbound.OutboundMessages;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells operators: a JSON POST to {@code switchboard.monitoring.alert-webhook-url}, and a message
 * to each operator chat through the platform's own channels. A failing destination is logged and
 * does not stop the others.
 */
@Component
class AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);

    private final MonitoringProperties properties;
    private final TenantDirectory tenants;
    private final OutboundMessages outbound;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AlertNotifier(MonitoringProperties properties, TenantDirectory tenants, OutboundMessages outbound, JsonMapper json) {
        this.properties = properties;
        this.tenants = tenants;
        this.outbound = outbound;
        this.json = json;
    }

    void notify(AlertEvent event, String state, String metric) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rule", event.rule());
        body.put("state", state);
        body.put("severity", event.severity());
        body.put("metric", metric);
        body.put("value", event.value());
        body.put("threshold", event.threshold());
        body.put("firedAt", event.firedAt().toString());
        body.put("resolvedAt", event.resolvedAt() == null ? null : event.resolvedAt().toString());
        postWebhook(body);
        String text = ("firing".equals(state) ? "ALERT " : "RESOLVED ") + event.rule() + " (" + event.severity() + "): "
                + metric + " = " + round(event.value()) + ", threshold " + round(event.threshold());
        properties.alertChats().forEach(chat -> sendToChat(chat, text));
    }

    private void postWebhook(Map<String, Object> body) {
        if (properties.alertWebhookUrl() == null || properties.alertWebhookUrl().isBlank()) {
            return;
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(properties.alertWebhookUrl()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                log.warn("alert webhook answered {}", response.statusCode());
            }
        } catch (Exception e) {
            log.warn("alert webhook failed: {}", e.getClass().getSimpleName());
        }
    }

    /** {@code <tenant slug>:<integration id>:<chat>} */
    private void sendToChat(String chat, String text) {
        String[] parts = chat.split(":", 3);
        Optional<TenantRef> tenant = parts.length == 3 ? tenants.bySlug(parts[0]) : Optional.empty();
        if (tenant.isEmpty()) {
            log.warn("alert chat '{}' names no tenant", parts[0]);
            return;
        }
        try (TenantContext.Scope scope = TenantContext.enter(tenant.get())) {
            outbound.send(NewOutbound.text(UUID.fromString(parts[1]), parts[2], text));
        } catch (RuntimeException e) {
            log.warn("alert chat in tenant {} failed: {}", parts[0], e.getMessage());
        }
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
