package dev.switchboard.app.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.SwitchboardApplication;
import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.Sandboxes;
import dev.switchboard.channel.whatsapp.twilio.webhook.TwilioSignature;
import dev.switchboard.sandbox.twilio.Account;
import dev.switchboard.sandbox.twilio.TwilioEmulator;
import dev.switchboard.sandbox.twilio.WebhookDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The server behind a reverse proxy: Twilio calls and signs the public URL
 * ({@code SWITCHBOARD_PUBLIC_URL}, here the proxy's) while the server binds elsewhere. The public
 * URL is start-up configuration, so this test runs its own server (own data directory) instead of
 * the one {@code AppIT} shares.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // a server of its own: stop it (and its database) when done, not at the JVM's exit
class TwilioBehindProxyIT {

    private static final String ADMIN_TOKEN = "adm_proxy_" + UUID.randomUUID();
    private static volatile int boundPort;
    private static final ForwardingProxy PROXY = ForwardingProxy.to(() -> "http://localhost:" + boundPort);

    private final TwilioEmulator twilio = Sandboxes.twilio();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void behindTheProxy(DynamicPropertyRegistry registry) {
        registry.add("switchboard.data-dir", () -> tempDir());
        registry.add("switchboard.admin-token", () -> ADMIN_TOKEN);
        registry.add("switchboard.public-url", PROXY::url);
        registry.add("switchboard.twilio.api-url", () -> Sandboxes.twilio().baseUrl());
        registry.add("switchboard.telegram.api-url", () -> Sandboxes.telegram().baseUrl());
    }

    @BeforeEach
    void pointTheProxyAtTheServer() {
        boundPort = port;
    }

    @AfterAll
    static void stopTheProxy() {
        PROXY.close();
    }

    @Test
    void aCorrectlySignedRequestPassesThroughTheProxyAndTheBindAddressIsNotWhatCounts() {
        Api api = tenantApi();
        Account account = twilio.createAccount();
        String sender = "whatsapp:" + WhatsAppIT.randomNumber("+1415");
        twilio.registerSender(account.sid(), sender);
        Api.Response created = api.post("/api/v1/integrations", Map.of("type", "twilio", "name", "WhatsApp",
                "credentials", Map.of("accountSid", account.sid(), "authToken", account.authToken(),
                        "whatsappNumber", sender.substring("whatsapp:".length()))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String integrationId = created.text("id");
        String webhookUrl = created.text("webhookUrl");
        assertThat(webhookUrl).startsWith(PROXY.url() + "/webhooks/twilio/").doesNotContain(":" + port + "/");
        assertThat(created.text("statusCallbackUrl")).isEqualTo(webhookUrl + "/status");
        twilio.setIncomingWebhook(account.sid(), sender, webhookUrl, null);
        String guest = WhatsAppIT.randomNumber("+5516");

        twilio.injectInbound(account.sid(), "whatsapp:" + guest, sender, "via the proxy", "Ann");

        eventually(() -> assertThat(texts(api, integrationId)).containsExactly("via the proxy"));
        WebhookDelivery delivery = twilio.inboundDeliveries(account.sid()).get(0);
        assertThat(delivery.url()).isEqualTo(webhookUrl);
        assertThat(delivery.status()).isEqualTo(200);

        Api.Response sent = api.post("/api/v1/messages", Map.of("integrationId", integrationId, "to", guest,
                "text", "got it"));
        assertThat(sent.status()).isEqualTo(202);
        // the status callbacks come back through the proxy too, signed over the public status URL
        eventually(() -> assertThat(api.get("/api/v1/messages/" + sent.text("id")).text("status")).isEqualTo("read"));

        // the signed form sent straight to the bind address still verifies: the public URL is what counts ...
        String path = webhookUrl.substring(PROXY.url().length());
        Map<String, String> form = new LinkedHashMap<>(delivery.params());
        form.put("MessageSid", "SM" + "1".repeat(32));
        String overPublicUrl = TwilioSignature.compute(account.authToken(), webhookUrl, multi(form));
        assertThat(postDirect(path, form, overPublicUrl).status()).isEqualTo(200);
        // ... and a signature over the bind address, which Twilio never calls, does not
        form.put("MessageSid", "SM" + "2".repeat(32));
        String overBindAddress = TwilioSignature.compute(account.authToken(), "http://localhost:" + port + path,
                multi(form));
        assertThat(postDirect(path, form, overBindAddress).status()).isEqualTo(401);
        assertThat(texts(api, integrationId)).hasSize(3); // the two inbound "via the proxy" and our reply
    }

    private Api tenantApi() {
        Api admin = new Api("http://localhost:" + port, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
        String slug = "t_proxied_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Api.Response tenant = admin.post("/api/v1/tenants", Map.of("slug", slug, "name", slug,
                "ownerEmail", slug + "@example.test", "ownerPassword", "correct horse battery"));
        assertThat(tenant.status()).as(tenant.body()).isEqualTo(201);
        Api api = new Api("http://localhost:" + port, Map.of("Authorization", "Bearer " + tenant.text("apiKey")));
        assertThat(api.put("/api/v1/agent", Map.of("kind", "none")).status()).isEqualTo(200);
        return api;
    }

    private static List<String> texts(Api api, String integrationId) {
        JsonNode conversations = api.get("/api/v1/conversations?integrationId=" + integrationId).json().path("items");
        if (conversations.isEmpty()) {
            return List.of();
        }
        return api.get("/api/v1/conversations/" + conversations.get(0).path("id").asString() + "/messages?size=200")
                .json().path("items").valueStream().map(m -> m.path("text").asString()).toList();
    }

    private Api.Response postDirect(String path, Map<String, String> params, String signature) {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Api("http://localhost:" + port, Map.of()).postRaw(path, "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), Map.of("X-Twilio-Signature", signature));
    }

    private static Map<String, List<String>> multi(Map<String, String> params) {
        return params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion::run);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("switchboard-proxied-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
