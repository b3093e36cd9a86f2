package dev.switchboard.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.LogCapture;
import dev.switchboard.sandbox.greenapi.Fault;
import dev.switchboard.sandbox.greenapi.GreenCall;
import dev.switchboard.sandbox.greenapi.Instance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Connecting, testing, replacing and watching a Green API instance; refused credentials; no secret shown. */
class GreenApiConnectIT extends WhatsAppIT {

    @Test
    void anAuthorizedInstanceIsPointedAtItsOwnWebhookWithATokenAndNoSecretIsShownOrLogged() {
        try (LogCapture logs = LogCapture.open()) {
            GreenConnected connected = connectGreen("g_connect", "webhook", "none");
            Instance instance = connected.instance();
            Map<String, Object> remote = green.settings(instance.idInstance());
            String webhookToken = (String) remote.get("webhookUrlToken");

            assertThat(connected.view().path("status").asString()).isEqualTo("active");
            assertThat(connected.view().path("operational").asBoolean()).isTrue();
            assertThat(connected.view().path("settings").path("mode").asString()).isEqualTo("webhook");
            assertThat(connected.view().path("settings").path("phone").asString()).isEqualTo("+" + instance.phoneDigits());
            assertThat(connected.view().path("credentialsHint").asString()).isEqualTo("…"
                    + instance.apiTokenInstance().substring(instance.apiTokenInstance().length() - 4));
            assertThat(remote.get("webhookUrl")).isEqualTo(connected.view().path("webhookUrl").asString());
            assertThat(connected.view().path("webhookUrl").asString()).startsWith(baseUrl() + "/webhooks/greenapi/");
            assertThat(webhookToken).hasSizeGreaterThanOrEqualTo(32);
            assertThat(remote).containsEntry("incomingWebhook", "yes").containsEntry("outgoingWebhook", "yes")
                    .containsEntry("stateWebhook", "yes");

            Api.Response test = connected.api().post("/api/v1/integrations/" + connected.integrationId() + "/test", null);
            assertThat(test.json().path("ok").asBoolean()).as(test.body()).isTrue();
            assertThat(test.json().path("details").path("state").asString()).isEqualTo("authorized");
            assertThat(test.json().path("details").path("webhookRegistered").asBoolean()).isTrue();

            Api.Response fetched = connected.api().get("/api/v1/integrations/" + connected.integrationId());
            Api.Response listed = connected.api().get("/api/v1/integrations");
            for (String body : List.of(connected.view().toString(), fetched.body(), listed.body(), test.body())) {
                assertThat(body).doesNotContain(instance.apiTokenInstance()).doesNotContain(webhookToken);
            }
            assertThat(logs.linesContaining(instance.apiTokenInstance())).isEmpty();
            assertThat(logs.linesContaining(webhookToken)).isEmpty();
        }
    }

    @Test
    void refusedCredentialsAre422WithWhatToDoAndStoreNothing() {
        TestTenant tenant = newTenant("g_refused");
        Instance unlinked = green.createInstance();
        green.setState(unlinked.idInstance(), "notAuthorized");
        Instance other = green.createInstance();

        Map<String, Object> badFormat = greenCredentials(other);
        badFormat.put("idInstance", "11010x0001");
        Map<String, Object> wrongToken = greenCredentials(other);
        wrongToken.put("apiTokenInstance", "f".repeat(50));
        Map<String, Object> unknownInstance = greenCredentials(other);
        unknownInstance.put("idInstance", 9_999_999_999L);

        try (LogCapture logs = LogCapture.open()) {
            assertRefused(tenant, badFormat, "credentials.idInstance");
            assertRefused(tenant, greenCredentials(unlinked), "QR code");
            assertRefused(tenant, wrongToken, "apiTokenInstance");
            assertRefused(tenant, unknownInstance, "idInstance");
            assertThat(logs.linesContaining(unlinked.apiTokenInstance())).isEmpty();
            assertThat(logs.linesContaining("f".repeat(50))).isEmpty();
        }
        assertThat(tenant.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
        assertThat(green.settings(unlinked.idInstance())).containsEntry("webhookUrl", "");

        Api.Response missing = tenant.api().post("/api/v1/integrations", Map.of("type", "greenapi", "name", "x",
                "credentials", Map.of("idInstance", other.idInstance())));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("field").asString())
                .isEqualTo("credentials.apiTokenInstance");
    }

    private void assertRefused(TestTenant tenant, Map<String, Object> credentials, String reason) {
        Api.Response response = tenant.api().post("/api/v1/integrations", Map.of("type", "greenapi", "name", "bad",
                "credentials", credentials, "settings", Map.of("mode", "webhook")));
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().path("detail").asString()).contains(reason);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("credentials");
        assertThat(response.body()).doesNotContain(credentials.get("apiTokenInstance").toString());
    }

    @Test
    void aTenantManagesSeveralInstancesAndReplacesCredentialsInPlace() {
        GreenConnected first = connectGreen("g_manage", "webhook", "none");
        GreenConnected second = connectGreen(first.tenant(), "webhook");
        Api api = first.api();
        assertThat(api.get("/api/v1/integrations").json().path("total").asInt()).isEqualTo(2);
        assertThat(green.settings(first.instance().idInstance()).get("webhookUrl"))
                .isNotEqualTo(green.settings(second.instance().idInstance()).get("webhookUrl"));

        String path = "/api/v1/integrations/" + first.integrationId();
        Instance replacement = green.createInstance();
        Api.Response replaced = api.put(path + "/credentials", Map.of("credentials", greenCredentials(replacement)));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.text("id")).isEqualTo(first.integrationId());
        assertThat(replaced.json().path("settings").path("phone").asString()).isEqualTo("+" + replacement.phoneDigits());
        assertThat(green.settings(replacement.idInstance()).get("webhookUrl"))
                .isEqualTo(first.view().path("webhookUrl").asString());

        green.setState(replacement.idInstance(), "notAuthorized");
        Map<String, Object> stillUnlinked = greenCredentials(replacement);
        Api.Response refused = api.put(path + "/credentials", Map.of("credentials", stillUnlinked));
        assertThat(refused.status()).isEqualTo(422);
        Map<String, Object> badFormat = new LinkedHashMap<>(greenCredentials(first.instance()));
        badFormat.put("apiUrl", "not a url");
        assertThat(api.put(path + "/credentials", Map.of("credentials", badFormat)).status()).isEqualTo(422);
        assertThat(api.get(path).json().path("settings").path("phone").asString()).isEqualTo("+" + replacement.phoneDigits());
    }

    @Test
    void theInstanceStateDrivesStatusAndOperational() {
        GreenConnected connected = connectGreen("g_state", "webhook", "none");
        long id = connected.instance().idInstance();

        green.setState(id, "notAuthorized");

        eventually(() -> {
            JsonNode view = integration(connected.api(), connected.integrationId());
            assertThat(view.path("status").asString()).isEqualTo("error");
            assertThat(view.path("operational").asBoolean()).isFalse();
            assertThat(view.path("lastError").asString()).contains("QR code");
        });
        Api.Response test = connected.api().post("/api/v1/integrations/" + connected.integrationId() + "/test", null);
        assertThat(test.json().path("ok").asBoolean()).isFalse();
        assertThat(test.json().path("details").path("state").asString()).isEqualTo("notAuthorized");

        green.setState(id, "authorized");

        eventually(() -> {
            JsonNode view = integration(connected.api(), connected.integrationId());
            assertThat(view.path("status").asString()).isEqualTo("active");
            assertThat(view.path("operational").asBoolean()).isTrue();
        });
    }

    @Test
    void disablingRemovesTheWebhookAndEnablingSetsItAgain() {
        GreenConnected connected = connectGreen("g_disable", "webhook", "none");
        String path = "/api/v1/integrations/" + connected.integrationId();
        long id = connected.instance().idInstance();

        assertThat(connected.api().post(path + "/disable", null).text("status")).isEqualTo("disabled");
        assertThat(green.settings(id)).containsEntry("webhookUrl", "").containsEntry("incomingWebhook", "no");
        assertThat(connected.api().post(path + "/enable", null).text("status")).isEqualTo("active");
        assertThat(green.settings(id).get("webhookUrl")).isEqualTo(connected.view().path("webhookUrl").asString());
        assertThat(green.calls(id)).extracting(GreenCall::tokenValid).containsOnly(true);
    }

    @Test
    void anUnreachableGreenApiIs502() {
        TestTenant tenant = newTenant("g_down");
        Instance instance = green.createInstance();
        green.armFault(instance.idInstance(), "getStateInstance", Fault.status(502), 1);

        Api.Response response = tenant.api().post("/api/v1/integrations", Map.of("type", "greenapi", "name", "x",
                "credentials", greenCredentials(instance)));

        assertThat(response.status()).isEqualTo(502);
        assertThat(tenant.api().get("/api/v1/integrations").json().path("total").asInt()).isZero();
    }
}
