package dev.switchboard.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Bots stay registered and healthy without anyone touching them: reconcile and the health check. */
class IntegrationLifecycleIT extends TelegramIT {

    @Test
    void reconcileRestoresAWebhookDeletedBehindOurBack() {
        Connected connected = connectEchoBot("drift", "webhook");
        String steady = connected.tenant().api().post("/api/v1/integrations", Map.of("type", "telegram",
                "name", "Bar", "credentials", Map.of("botToken", telegram.createBot("steady_bot").token()),
                "settings", Map.of("mode", "webhook"))).text("id");
        String expected = connected.view().path("webhookUrl").asString();
        telegram.deleteWebhookBehindBack(connected.bot().token());
        assertThat(telegram.webhookInfo(connected.bot().token()).url()).isEmpty();

        assertThat(admin().post("/api/v1/admin/jobs/reconcile/run", null).status()).isEqualTo(202);

        eventually(() -> assertThat(telegram.webhookInfo(connected.bot().token()).url()).isEqualTo(expected));
        // both of the tenant's checks are recorded (together, in one statement)
        eventually(() -> assertThat(connected.tenant().api().get("/api/v1/integrations/" + connected.integrationId())
                .json().path("remoteState").path("summary").asString()).contains("registered again"));
        JsonNode inOrder = connected.tenant().api().get("/api/v1/integrations/" + steady).json();
        assertThat(inOrder.path("remoteState").path("summary").asString()).isEqualTo("in order");
        assertThat(inOrder.path("reconciledAt").isNull()).isFalse();
        assertThat(admin().get("/api/v1/admin/jobs").json().path("runs").findValuesAsString("job")).contains("reconcile");
        assertThat(admin().post("/api/v1/admin/jobs/no-such-job/run", null).status()).isEqualTo(404);
    }

    @Test
    void aRevokedTokenTurnsTheIntegrationErrorTellsTheTenantAndRecovers() {
        Connected broken = connectEchoBot("revoked", "webhook");
        var notifications = telegram.createBot("revoked_notify_bot");
        var notifier = broken.tenant().api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "Alerts",
                "credentials", Map.of("botToken", notifications.token()), "settings", Map.of("mode", "webhook")));
        TgUser manager = telegram.user(5_200_000_001L, "Manager", "manager", "en");
        telegram.injectText(notifications.token(), manager, "subscribe");
        eventually(() -> assertThat(telegram.sentMessages(notifications.token(), manager.id())).hasSize(1));
        assertThat(broken.tenant().api().put("/api/v1/notifications", Map.of("recipients", List.of(Map.of(
                "integrationId", notifier.text("id"), "to", Long.toString(manager.id()))))).status()).isEqualTo(200);
        String path = "/api/v1/integrations/" + broken.integrationId();

        telegram.revokeToken(broken.bot().token());
        admin().post("/api/v1/admin/jobs/health-check/run", null);

        eventually(() -> assertThat(broken.tenant().api().get(path).text("status")).isEqualTo("error"));
        assertThat(broken.tenant().api().get(path).text("lastError")).contains("rejected the bot token");
        eventually(() -> assertThat(telegram.sentMessages(notifications.token(), manager.id()))
                .extracting(SentMessage::text).anyMatch(t -> t.contains("\"Front desk\" stopped working")));

        telegram.restoreToken(broken.bot().token());
        admin().post("/api/v1/admin/jobs/health-check/run", null);

        eventually(() -> assertThat(broken.tenant().api().get(path).text("status")).isEqualTo("active"));
        eventually(() -> assertThat(telegram.sentMessages(notifications.token(), manager.id()))
                .extracting(SentMessage::text).anyMatch(t -> t.contains("\"Front desk\" works again")));
        assertThat(telegram.sentMessages(notifications.token(), manager.id()))
                .filteredOn(m -> m.text().contains("stopped working")).hasSize(1);
    }
}
