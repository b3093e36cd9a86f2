package dev.switchboard.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.SwitchboardApplication;
import dev.switchboard.core.tenant.TenantRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the app's integration tests: one Spring context for all of them (same
 * configuration, so Spring caches it), on the embedded PostgreSQL under a temporary data
 * directory, talking to the sandbox emulators over real HTTP. Tests create their own tenants,
 * so they do not see each other's data.
 */
@SpringBootTest(classes = SwitchboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AppIT {

    protected static final String GOOGLE_CLIENT_ID = "switchboard-test.apps.googleusercontent.com";
    protected static final String GOOGLE_CLIENT_SECRET = "test-client-secret";
    protected static final String ADMIN_TOKEN = "adm_test_" + UUID.randomUUID();
    private static final AtomicInteger TENANTS = new AtomicInteger();
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    private JdbcClient platformSql;

    @DynamicPropertySource
    static void switchboardProperties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.data-dir", DATA_DIR::toString);
        registry.add("switchboard.admin-token", () -> ADMIN_TOKEN);
        registry.add("switchboard.telegram.api-url", () -> Sandboxes.telegram().baseUrl());
        registry.add("switchboard.twilio.api-url", () -> Sandboxes.twilio().baseUrl());
        registry.add("switchboard.google.client-id", () -> GOOGLE_CLIENT_ID);
        registry.add("switchboard.google.client-secret", () -> GOOGLE_CLIENT_SECRET);
        registry.add("switchboard.google.auth-url", () -> Sandboxes.google().authUrl());
        registry.add("switchboard.google.token-url", () -> Sandboxes.google().tokenUrl());
        registry.add("switchboard.google.revoke-url", () -> Sandboxes.google().revokeUrl());
        registry.add("switchboard.google.calendar-url", () -> Sandboxes.google().calendarRootUrl());
        registry.add("switchboard.delivery.initial-backoff", () -> "200ms");
        registry.add("switchboard.polling.timeout", () -> "2s");
        registry.add("switchboard.polling.error-backoff", () -> "300ms");
        // longer than any test waits: a polling loop starts and stops on its integration's change
        // alone, which the polling tests then prove (the periodic scan runs at start-up)
        registry.add("switchboard.polling.supervisor-interval", () -> "60s");
        registry.add("switchboard.delivery.circuit.window", () -> "4");
        registry.add("switchboard.delivery.circuit.minimum-calls", () -> "4");
        registry.add("switchboard.delivery.circuit.open-duration", () -> "3s");
        registry.add("switchboard.monitoring.sample-interval", () -> "1s");
        registry.add("switchboard.bookings.remind-after", () -> "6s");
        registry.add("switchboard.bookings.check-interval", () -> "1s");
        registry.add("switchboard.monitoring.alert-interval", () -> "2s");
        // a burst's deliveries wait in the inbox at most this long, within what the tests wait for them
        registry.add("switchboard.inbox.burst-delay", () -> "3s");
        registry.add("switchboard.monitoring.alert-webhook-url", () -> WebhookReceiver.shared().url());
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected Api anonymous() {
        return new Api(baseUrl(), Map.of());
    }

    protected Api admin() {
        return new Api(baseUrl(), Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    protected Api asKey(String apiKey) {
        return new Api(baseUrl(), Map.of("Authorization", "Bearer " + apiKey));
    }

    /** A tenant of this test, created through the API, with its first API key. */
    protected TestTenant newTenant(String prefix) {
        String slug = prefix + "_" + TENANTS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100000, 36);
        Api.Response created = admin().post("/api/v1/tenants", Map.of("slug", slug, "name", "Tenant " + slug,
                "ownerEmail", slug + "@example.test", "ownerPassword", "correct horse battery"));
        if (created.status() != 201) {
            throw new IllegalStateException("tenant not created: " + created);
        }
        String apiKey = created.text("apiKey");
        return new TestTenant(UUID.fromString(created.text("id")), slug, apiKey, asKey(apiKey));
    }

    /** Webhook deliveries of the tenant that were answered but are not yet in its schema. */
    protected long inInbox(UUID tenant) {
        return platformSql.sql("SELECT count(*) FROM public.inbox WHERE tenant_id = :tenant").param("tenant", tenant)
                .query(Long.class).single();
    }

    /**
     * Waits until the inbox mover has taken every answered delivery of the tenant into its
     * schema: after it, what a webhook did (or did not) store can be counted.
     */
    protected void awaitEmptyInbox(UUID tenant) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(inInbox(tenant)).as("deliveries in the inbox").isZero());
    }

    public record TestTenant(UUID id, String slug, String apiKey, Api api) {

        /** The tenant as the platform's code refers to it. */
        public TenantRef ref() {
            return new TenantRef(id, slug);
        }

        public String schema() {
            return TenantRef.schemaOf(slug);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("switchboard-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
