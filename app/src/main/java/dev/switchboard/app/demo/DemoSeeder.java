package dev.switchboard.app.demo;

import dev.switchboard.agent.knowledge.DocumentFormat;
import dev.switchboard.agent.knowledge.KnowledgeDocuments;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.integration.IntegrationDetails;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.integration.IntegrationStatus;
import dev.switchboard.core.integration.NewIntegration;
import dev.switchboard.core.tenant.NewTenant;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.tenant.TenantService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo tenant once the server is up, and again after every restart without duplicating
 * anything: the tenant and its owner login, a Telegram bot and a Green API WhatsApp instance (both
 * on the in-process emulators), a short guest guide for the FAQ agent. Then prints how to log in.
 */
@Component
@Conditional(DemoMode.class)
class DemoSeeder {

    static final String SLUG = "demo";
    static final String EMAIL = "demo@switchboard.local";
    /** A demo login for a server whose channels are all emulated, printed on every start: not a secret. */
    static final String PASSWORD = "demo-password";

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String GUIDE = """
            # Demo Hotel: guest guide

            ## Breakfast
            Breakfast is served from 7:00 to 10:30 in the garden restaurant on the ground floor.

            ## Check-in and check-out
            Check-in is from 14:00, check-out until 12:00. Late check-out until 16:00 costs 30 euros.

            ## Parking
            The hotel garage has 20 places; parking costs 15 euros per night. Ask at the front desk.

            ## Wi-Fi
            The Wi-Fi network is DemoHotel-Guests; the password is on the card in your room.
            """;

    private final TenantService tenants;
    private final TenantDirectory directory;
    private final IntegrationService integrations;
    private final ChannelRegistry channels;
    private final KnowledgeDocuments documents;
    private final DemoSandbox sandbox;

    DemoSeeder(TenantService tenants, TenantDirectory directory, IntegrationService integrations,
               ChannelRegistry channels, KnowledgeDocuments documents, DemoSandbox sandbox) {
        this.tenants = tenants;
        this.directory = directory;
        this.integrations = integrations;
        this.channels = channels;
        this.documents = documents;
        this.sandbox = sandbox;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        try {
            seed();
            announce("http://localhost:" + port);
        } catch (RuntimeException e) {
            log.error("demo: could not seed the demo tenant: {}", e.toString(), e);
        }
    }

    void seed() {
        TenantRef tenant = directory.bySlug(SLUG).orElseGet(() ->
                tenants.create(new NewTenant(SLUG, "Demo Hotel", EMAIL, PASSWORD)).tenant().ref());
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            List<IntegrationDetails> existing = integrations.list(0, 200).getContent();
            telegram(existing);
            if (channels.byType("greenapi").isPresent()) {
                whatsApp(existing);
            } else {
                log.warn("demo: this build has no Green API channel; the demo has Telegram only");
            }
            if (documents.list(0, 1).isEmpty()) {
                documents.add("Demo Hotel guest guide", GUIDE, DocumentFormat.MARKDOWN);
            }
        }
    }

    private void telegram(List<IntegrationDetails> existing) {
        Optional<IntegrationDetails> bot = ofType(existing, "telegram");
        if (bot.isEmpty()) {
            integrations.create(new NewIntegration("telegram", "Demo Telegram bot",
                    Map.of("botToken", sandbox.bot().token()), Map.of("mode", "polling")));
        } else if (bot.get().integration().getStatus() == IntegrationStatus.ERROR) {
            integrations.enable(bot.get().integration().getId());
        }
    }

    /** Green API keeps its host in the credentials: after a restart the emulator's port is new, so they are replaced. */
    private void whatsApp(List<IntegrationDetails> existing) {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("idInstance", Long.toString(sandbox.instance().idInstance()));
        credentials.put("apiTokenInstance", sandbox.instance().apiTokenInstance());
        credentials.put("apiUrl", sandbox.greenApi().apiUrl());
        credentials.put("mediaUrl", sandbox.greenApi().mediaUrl());
        Optional<IntegrationDetails> number = ofType(existing, "greenapi");
        if (number.isEmpty()) {
            integrations.create(new NewIntegration("greenapi", "Demo WhatsApp", credentials, Map.of("mode", "polling")));
        } else if (number.get().integration().getStatus() != IntegrationStatus.DISABLED) {
            integrations.replaceCredentials(number.get().integration().getId(), credentials);
        }
    }

    private static Optional<IntegrationDetails> ofType(List<IntegrationDetails> existing, String type) {
        return existing.stream().filter(d -> type.equals(d.integration().getType())).findFirst();
    }

    private void announce(String baseUrl) {
        log.info("demo: log in at {}/login as {} (password {}); the guest's phone is at {}/demo/phone",
                baseUrl, EMAIL, PASSWORD, baseUrl);
        System.out.println("""

                ==========================================================================
                  Switchboard demo is running.
                    Log in:            %s/login
                                       %s  /  %s
                    The guest's phone: %s/demo/phone
                  The Telegram bot @%s and the WhatsApp number +%s are emulated in this
                  process: nothing leaves your machine.
                ==========================================================================
                """.formatted(baseUrl, EMAIL, PASSWORD, baseUrl, DemoSandbox.BOT_USERNAME, DemoSandbox.INSTANCE_PHONE));
    }
}
