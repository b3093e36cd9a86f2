package dev.switchboard.core.tenant;

import dev.switchboard.core.access.ApiKeys;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.agent.AgentRegistry;
import dev.switchboard.core.agent.AgentSettingsStore;
import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.access.AppUser;
import dev.switchboard.core.access.AppUserRepository;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.support.ConflictException;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.vault.Secret;
import dev.switchboard.core.webhook.WebhookRoutes;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating a tenant creates its schema, its owner login and its first API key; deleting drops all of it. */
@Service
public class TenantService {

    private static final Logger log = LoggerFactory.getLogger(TenantService.class);

    public record Created(Tenant tenant, Secret apiKey) {
    }

    private final TenantRepository tenants;
    private final AppUserRepository users;
    private final ApiKeys apiKeys;
    private final TenantSchemaMigrator schemas;
    private final TenantDirectory directory;
    private final IntegrationService integrations;
    private final WebhookRoutes routes;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final AgentRegistry agents;
    private final AgentSettingsStore agentSettings;
    private final SwitchboardProperties properties;
    private final AuditLog audit;

    public TenantService(TenantRepository tenants, AppUserRepository users, ApiKeys apiKeys,
                         TenantSchemaMigrator schemas, TenantDirectory directory, IntegrationService integrations,
                         WebhookRoutes routes, PasswordEncoder passwords, TransactionTemplate tx,
                         ApplicationEventPublisher events, AgentRegistry agents, AgentSettingsStore agentSettings,
                         SwitchboardProperties properties, AuditLog audit) {
        this.tenants = tenants;
        this.users = users;
        this.apiKeys = apiKeys;
        this.schemas = schemas;
        this.directory = directory;
        this.integrations = integrations;
        this.routes = routes;
        this.passwords = passwords;
        this.tx = tx;
        this.events = events;
        this.agents = agents;
        this.agentSettings = agentSettings;
        this.properties = properties;
        this.audit = audit;
    }

    public Created create(NewTenant request) {
        if (!TenantRef.isValidSlug(request.slug())) {
            throw InvalidInputException.of("slug", "must match ^[a-z][a-z0-9_]{1,40}$");
        }
        if (tenants.existsBySlug(request.slug())) {
            throw new ConflictException("slug", "a tenant with slug '" + request.slug() + "' already exists");
        }
        if (users.findByEmail(request.ownerEmail()).isPresent()) {
            throw new ConflictException("ownerEmail", "this email already has a login");
        }
        Tenant tenant = new Tenant(UUID.randomUUID(), request.slug(), request.name());
        Secret apiKey;
        try {
            // the schema is migrated before the tenant row commits: nobody sees a tenant without its schema
            apiKey = tx.execute(status -> {
                tenants.saveAndFlush(tenant);
                users.saveAndFlush(new AppUser(tenant.getId(), request.ownerEmail(),
                        passwords.encode(request.ownerPassword()), "owner"));
                Secret key = apiKeys.issue(tenant.getId(), "default").secret();
                schemas.migrate(tenant.ref());
                return key;
            });
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("slug", "a tenant with this slug or owner email already exists");
        } catch (RuntimeException e) {
            schemas.drop(tenant.ref());
            throw e;
        }
        chooseDefaultAgent(tenant.ref());
        audit.recordPlatform("tenant.created", tenant.getSlug(), Map.of("name", tenant.getName(),
                "ownerEmail", request.ownerEmail()));
        log.info("tenant created tenant={} schema={}", tenant.getSlug(), tenant.getSchemaName());
        return new Created(tenant, apiKey);
    }

    /** A new tenant starts with the configured agent kind, when this build has it. */
    private void chooseDefaultAgent(TenantRef tenant) {
        String kind = properties.agent().defaultKind();
        if (agents.byKind(kind).isPresent()) {
            try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                agentSettings.save(kind, null, null, null);
            }
        }
    }

    public Page<Tenant> list(int page, int size) {
        return tx.execute(status -> tenants.findAll(PageRequest.of(page, size, Sort.by("createdAt"))));
    }

    public Tenant get(String slug) {
        return tx.execute(status -> tenants.findBySlug(slug))
                .orElseThrow(() -> new NotFoundException("tenant " + slug));
    }

    /** Deregisters every webhook, then removes the tenant's rows and drops its schema. */
    public void delete(String slug) {
        TenantRef tenant = get(slug).ref();
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            integrations.disconnectAll();
        }
        tx.executeWithoutResult(status -> tenants.deleteById(tenant.id()));
        schemas.drop(tenant);
        directory.forget(tenant.id());
        routes.evictAll();
        events.publishEvent(new TenantDeleted(tenant));
        audit.recordPlatform("tenant.deleted", tenant.slug(), Map.of());
        log.info("tenant deleted tenant={} schema={}", tenant.slug(), tenant.schema());
    }
}
