package dev.switchboard.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.LogCapture;
import dev.switchboard.sandbox.telegram.Fault;
import dev.switchboard.sandbox.telegram.Bot;
import dev.switchboard.sandbox.telegram.TelegramEmulator;
import dev.switchboard.sandbox.telegram.WebhookInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connecting a bot: verified with getMe, sealed, webhook registered with a secret; never a token shown. */
class TelegramConnectIT extends TelegramIT {

    @Test
    void aGoodTokenConnectsAndRegistersTheWebhookWithASecret() {
        try (LogCapture logs = LogCapture.open()) {
            Connected connected = connectEchoBot("connect", "webhook");
            String token = connected.bot().token();

            assertThat(connected.view().path("status").asString()).isEqualTo("active");
            assertThat(connected.view().path("settings").path("botUsername").asString()).isEqualTo("connect_bot");
            assertThat(connected.view().path("credentialsHint").asString())
                    .isEqualTo("…" + token.substring(token.length() - 4));
            WebhookInfo webhook = telegram.webhookInfo(token);
            assertThat(webhook.url()).isEqualTo(connected.view().path("webhookUrl").asString())
                    .startsWith(baseUrl() + "/webhooks/telegram/");
            assertThat(webhook.secret()).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");

            Api.Response fetched = connected.tenant().api().get("/api/v1/integrations/" + connected.integrationId());
            Api.Response listed = connected.tenant().api().get("/api/v1/integrations");
            for (String body : new String[] {connected.view().toString(), fetched.body(), listed.body()}) {
                assertThat(body).doesNotContain(token).doesNotContain(token.substring(token.indexOf(':') + 1))
                        .doesNotContain(webhook.secret());
            }
            assertThat(logs.linesContaining(token.substring(token.indexOf(':') + 1))).isEmpty();
            assertThat(logs.linesContaining(webhook.secret())).isEmpty();
        }
    }

    @Test
    void aTokenTelegramRejectsIs422WithTheReasonAndCreatesNothing() {
        TestTenant tenant = newTenant("badtoken");
        String unknown = "987654321:AAH" + "x".repeat(32);

        try (LogCapture logs = LogCapture.open()) {
            Api.Response response = tenant.api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "bot",
                    "credentials", Map.of("botToken", unknown)));

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().path("detail").asString()).contains("Telegram rejected the bot token");
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("credentials");
            assertThat(response.body()).doesNotContain(unknown);
            assertThat(logs.linesContaining("x".repeat(32))).isEmpty();
        }
        assertThat(tenant.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
    }

    @Test
    void anUnreachableOrFailingTelegramIs502() {
        TestTenant tenant = newTenant("down");
        Bot bot = telegram.createBot("down_bot");
        telegram.armFault(bot.token(), "getMe", Fault.serverError(502), 1);

        Api.Response response = tenant.api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "bot",
                "credentials", Map.of("botToken", bot.token())));

        assertThat(response.status()).isEqualTo(502);
        assertThat(tenant.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
    }

    @Test
    void withoutAnHttpsPublicUrlANewBotDefaultsToPolling() {
        TestTenant tenant = newTenant("defaults");
        Bot bot = telegram.createBot("defaults_bot");

        Api.Response created = tenant.api().post("/api/v1/integrations", Map.of("type", "telegram", "name", "bot",
                "credentials", Map.of("botToken", bot.token())));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("settings").path("mode").asString()).isEqualTo("polling");
        assertThat(telegram.webhookInfo(bot.token()).url()).isEmpty();
    }

    @Test
    void manageTheIntegrationInPlace() {
        Connected connected = connectEchoBot("manage", "webhook");
        Api api = connected.tenant().api();
        String path = "/api/v1/integrations/" + connected.integrationId();

        Api.Response test = api.post(path + "/test", null);
        assertThat(test.json().path("ok").asBoolean()).isTrue();
        assertThat(test.json().path("details").path("webhookRegistered").asBoolean()).isTrue();

        assertThat(api.post(path + "/disable", null).text("status")).isEqualTo("disabled");
        assertThat(telegram.webhookInfo(connected.bot().token()).url()).isEmpty();
        assertThat(api.post(path + "/enable", null).text("status")).isEqualTo("active");
        assertThat(telegram.webhookInfo(connected.bot().token()).url()).isNotEmpty();

        assertThat(api.patch(path, Map.of("name", "Reception")).text("name")).isEqualTo("Reception");

        Bot replacement = telegram.createBot("manage_bot_2");
        Api.Response replaced = api.put(path + "/credentials", Map.of("credentials", Map.of("botToken", replacement.token())));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.text("id")).isEqualTo(connected.integrationId());
        assertThat(replaced.json().path("settings").path("botUsername").asString()).isEqualTo("manage_bot_2");
        assertThat(telegram.webhookInfo(replacement.token()).url()).isEqualTo(connected.view().path("webhookUrl").asString());

        Api.Response badReplacement = api.put(path + "/credentials", Map.of("credentials", Map.of("botToken", "nope")));
        assertThat(badReplacement.status()).isEqualTo(400);
        assertThat(api.get(path).json().path("settings").path("botUsername").asString()).isEqualTo("manage_bot_2");

        assertThat(api.delete(path).status()).isEqualTo(204);
        assertThat(telegram.webhookInfo(replacement.token()).url()).isEmpty();
        assertThat(api.get(path).status()).isEqualTo(404);
    }

    @Test
    void anotherTenantCannotSeeOrTouchTheIntegration() {
        Connected connected = connectEchoBot("owner", "webhook");
        TestTenant other = newTenant("intruder");
        String path = "/api/v1/integrations/" + connected.integrationId();

        assertThat(other.api().get(path).status()).isEqualTo(404);
        assertThat(other.api().post(path + "/disable", null).status()).isEqualTo(404);
        assertThat(other.api().delete(path).status()).isEqualTo(404);
        assertThat(other.api().post("/api/v1/messages", Map.of("integrationId", connected.integrationId(),
                "to", "42", "text", "hi")).status()).isEqualTo(404);
        assertThat(other.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
        assertThat(connected.tenant().api().get(path).text("status")).isEqualTo("active");
    }
}
