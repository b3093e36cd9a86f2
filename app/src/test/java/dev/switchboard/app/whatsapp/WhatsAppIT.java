package dev.switchboard.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.AppIT;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.sandbox.greenapi.GreenApiEmulator;
import dev.switchboard.sandbox.greenapi.Instance;
import dev.switchboard.sandbox.twilio.Account;
import dev.switchboard.sandbox.twilio.TwilioEmulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/**
 * What the WhatsApp tests share: tenants that connect their own Green API instance or Twilio
 * sender through the API, against the shared emulators over real HTTP.
 */
public abstract class WhatsAppIT extends AppIT {

    protected final GreenApiEmulator green = Sandboxes.greenApi();
    protected final TwilioEmulator twilio = Sandboxes.twilio();

    public record GreenConnected(TestTenant tenant, Instance instance, String integrationId, JsonNode view) {

        public Api api() {
            return tenant.api();
        }

        public String webhookPath() {
            String url = view.path("webhookUrl").asString();
            return url.substring(url.indexOf("/webhooks/"));
        }
    }

    public record TwilioConnected(TestTenant tenant, Account account, String sender, String integrationId,
                                  JsonNode view) {

        public Api api() {
            return tenant.api();
        }

        /** The sender's number without the {@code whatsapp:} prefix. */
        public String number() {
            return sender.substring("whatsapp:".length());
        }
    }

    /** A tenant (agent off unless asked) with a Green API instance of its own, connected in {@code mode}. */
    protected GreenConnected connectGreen(String prefix, String mode, String agent) {
        TestTenant tenant = newTenant(prefix);
        setAgent(tenant, agent);
        return connectGreen(tenant, mode);
    }

    protected GreenConnected connectGreen(TestTenant tenant, String mode) {
        Instance instance = green.createInstance();
        Api.Response created = tenant.api().post("/api/v1/integrations", Map.of("type", "greenapi",
                "name", "WhatsApp " + instance.idInstance(), "credentials", greenCredentials(instance),
                "settings", Map.of("mode", mode)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new GreenConnected(tenant, instance, created.text("id"), created.json());
    }

    protected Map<String, Object> greenCredentials(Instance instance) {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("idInstance", instance.idInstance());
        credentials.put("apiTokenInstance", instance.apiTokenInstance());
        credentials.put("apiUrl", green.apiUrl());
        credentials.put("mediaUrl", green.mediaUrl());
        return credentials;
    }

    /** A tenant with a Twilio account and WhatsApp sender of its own; Twilio's console points at our webhook. */
    protected TwilioConnected connectTwilio(String prefix, String agent) {
        TestTenant tenant = newTenant(prefix);
        setAgent(tenant, agent);
        Account account = twilio.createAccount();
        String sender = "whatsapp:" + randomNumber("+1415");
        twilio.registerSender(account.sid(), sender);
        Api.Response created = tenant.api().post("/api/v1/integrations", Map.of("type", "twilio", "name", "WhatsApp",
                "credentials", Map.of("accountSid", account.sid(), "authToken", account.authToken(),
                        "whatsappNumber", sender.substring("whatsapp:".length()))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // what the user does with the answer: paste the webhook URL into the sender's settings at Twilio
        twilio.setIncomingWebhook(account.sid(), sender, created.text("webhookUrl"), null);
        return new TwilioConnected(tenant, account, sender, created.text("id"), created.json());
    }

    protected void setAgent(TestTenant tenant, String kind) {
        assertThat(tenant.api().put("/api/v1/agent", Map.of("kind", kind)).status()).isEqualTo(200);
    }

    /** A fresh number in E.164 with the given prefix, so tests never share a chat. */
    protected static String randomNumber(String prefix) {
        StringBuilder number = new StringBuilder(prefix);
        while (number.length() < 12) {
            number.append(ThreadLocalRandom.current().nextInt(10));
        }
        return number.toString();
    }

    protected static String digits(String e164) {
        return e164.substring(1);
    }

    protected Api.Response send(Api api, String integrationId, Map<String, Object> content) {
        Map<String, Object> request = new LinkedHashMap<>(content);
        request.put("integrationId", integrationId);
        Api.Response response = api.post("/api/v1/messages", request);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response;
    }

    protected JsonNode message(Api api, Api.Response queued) {
        return api.get("/api/v1/messages/" + queued.text("id")).json();
    }

    /** The messages of the conversation with {@code chatId}, oldest first. */
    protected List<JsonNode> messagesOfChat(Api api, String integrationId, String chatId) {
        JsonNode conversations = api.get("/api/v1/conversations?integrationId=" + integrationId + "&size=200").json()
                .path("items");
        for (JsonNode conversation : conversations) {
            if (conversation.path("chatId").asString().equals(chatId)) {
                return api.get("/api/v1/conversations/" + conversation.path("id").asString() + "/messages?size=200")
                        .json().path("items").valueStream().toList();
            }
        }
        return List.of();
    }

    protected JsonNode integration(Api api, String integrationId) {
        return api.get("/api/v1/integrations/" + integrationId).json();
    }

    protected static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }
}
