package dev.switchboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.WebhookReceiver;
import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.sandbox.telegram.Fault;
import dev.switchboard.sandbox.telegram.TgUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An error-rate alert with a shortened window: it fires while the provider fails a third of the
 * sends, reaches the configured webhook, and resolves after the provider recovers.
 */
class AlertingIT extends TelegramIT {

    private static final String RULE = "test-error-rate";
    private static final int WINDOW = 12;

    @Test
    void theErrorRateAlertFiresIsDeliveredAndResolves() throws Exception {
        Connected connected = connectEchoBot("alerting", "webhook");
        List<TgUser> guests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TgUser guest = telegram.user(5_400_000_001L + i, "Alert" + i, "alert" + i, "en");
            startChat(connected, guest);
            guests.add(guest);
        }
        Api.Response created = admin().post("/api/v1/monitoring/alerts/rules", Map.of("name", RULE,
                "metric", "provider_error_rate", "operator", ">", "threshold", 0.10, "windowSeconds", WINDOW,
                "severity", "critical"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(admin().post("/api/v1/monitoring/alerts/rules", Map.of("name", RULE, "metric", "provider_error_rate",
                "operator", ">", "threshold", 0.1, "windowSeconds", WINDOW, "severity", "critical")).status()).isEqualTo(409);
        assertThat(TenantFields.of(admin().post("/api/v1/monitoring/alerts/rules", Map.of("name", "Bad Name",
                "metric", "nonsense", "operator", ">=", "threshold", 1, "windowSeconds", 1, "severity", "loud"))))
                .containsExactlyInAnyOrder("name", "metric", "operator", "windowSeconds", "severity");

        Instant failingUntil = Instant.now().plusSeconds(WINDOW + 10);
        int n = 0;
        while (Instant.now().isBefore(failingUntil) && !firing()) {
            if (n % 3 == 0) {
                telegram.armFault(connected.bot().token(), "sendMessage", Fault.serverError(500), 1);
            }
            send(connected, guests.get(n % guests.size()).id(), "steady " + n);
            n++;
            Thread.sleep(350);
        }
        await().atMost(Duration.ofSeconds(20)).until(this::firing);
        assertThat(admin().get("/api/v1/monitoring/alerts").json().path("active").findValuesAsString("rule")).contains(RULE);

        telegram.clearFaults();
        await().atMost(Duration.ofSeconds(WINDOW + 25)).pollInterval(Duration.ofMillis(500)).until(() -> {
            send(connected, guests.get(0).id(), "recovered");
            return delivered("resolved");
        });
        assertThat(admin().get("/api/v1/monitoring/alerts").json().path("active").findValuesAsString("rule"))
                .doesNotContain(RULE);
        assertThat(admin().delete("/api/v1/monitoring/alerts/rules/" + RULE).status()).isEqualTo(204);
        assertThat(admin().delete("/api/v1/monitoring/alerts/rules/" + RULE).status()).isEqualTo(404);
    }

    @Test
    void prometheusExposesTheHistogramsAndTheDashboardRendersRealData() {
        Connected connected = connectEchoBot("prom", "webhook");
        TgUser guest = telegram.user(5_400_000_101L, "Prom", "prom", "en");
        startChat(connected, guest);

        String prometheus = anonymous().get("/actuator/prometheus").body();
        assertThat(prometheus).contains("switchboard_provider_requests_seconds_bucket{")
                .contains("switchboard_webhooks_seconds_bucket{").contains("switchboard_messages_total{")
                .contains("switchboard_queue_depth").doesNotContain(connected.tenant().slug());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response dashboard = admin().get("/api/v1/monitoring/dashboard");
            assertThat(dashboard.status()).isEqualTo(200);
            assertThat(dashboard.contentType()).startsWith("text/html");
            assertThat(dashboard.body()).contains("<svg").contains("Messages, last hour").contains("telegram/active")
                    .contains("<polyline");
        });
        assertThat(connected.tenant().api().get("/api/v1/monitoring/dashboard").status()).isEqualTo(403);
        Api.Response health = admin().get("/api/v1/monitoring/health");
        assertThat(health.json().path("database").asBoolean()).isTrue();
        assertThat(health.json().path("errorShareByType").has("telegram")).isTrue();
        assertThat(admin().get("/api/v1/monitoring/metrics").json().path("values").has("messages_in")).isTrue();
    }

    private boolean firing() {
        return delivered("firing");
    }

    private boolean delivered(String state) {
        return WebhookReceiver.shared().bodies().stream()
                .anyMatch(body -> body.contains("\"rule\":\"" + RULE + "\"") && body.contains("\"state\":\"" + state + "\""));
    }

    /** The fields named by a problem document. */
    static final class TenantFields {
        static List<String> of(Api.Response response) {
            return response.json().path("errors").findValuesAsString("field");
        }
    }
}
