package dev.switchboard.core.integration;

import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.ConnectResult;
import dev.switchboard.core.channel.ConnectTarget;
import dev.switchboard.core.channel.HealthReport;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.outbound.ProviderCircuitBreakers;
import dev.switchboard.core.support.ConflictException;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.support.RandomTokens;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.webhook.WebhookRoutes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting, changing and removing a tenant's integrations. Provider calls happen outside any
 * database transaction; what they return is then stored in one.
 */
@Service
public class IntegrationService {

    private static final Logger log = LoggerFactory.getLogger(IntegrationService.class);

    private final ChannelRegistry channels;
    private final IntegrationRepository integrations;
    private final IntegrationCounters counters;
    private final IntegrationHandles handles;
    private final WebhookRoutes routes;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ProviderCircuitBreakers breakers;
    private final AuditLog audit;

    public IntegrationService(ChannelRegistry channels, IntegrationRepository integrations,
                              IntegrationCounters counters, IntegrationHandles handles, WebhookRoutes routes,
                              TransactionTemplate tx, ApplicationEventPublisher events,
                              ProviderCircuitBreakers breakers, AuditLog audit) {
        this.channels = channels;
        this.integrations = integrations;
        this.counters = counters;
        this.handles = handles;
        this.routes = routes;
        this.tx = tx;
        this.events = events;
        this.breakers = breakers;
        this.audit = audit;
    }

    public IntegrationDetails create(NewIntegration request) {
        TenantRef tenant = TenantContext.require();
        ChannelProvider provider = channels.byType(request.type()).orElseThrow(() -> InvalidInputException.of(
                "type", "must be one of " + channels.types().stream().sorted().toList()));
        ChannelCredentials credentials = provider.validateCredentials(request.credentials());
        UUID id = UUID.randomUUID();
        String webhookKey = RandomTokens.base64Url(128);
        ConnectTarget target = handles.target(provider.type(), webhookKey);
        Map<String, Object> settings = provider.validateSettings(request.settings(), target);
        IntegrationHandle handle = new IntegrationHandle(tenant.id(), id, provider.type(), credentials, settings, target);

        ConnectResult connected = connect(provider, handle);
        try {
            tx.executeWithoutResult(status -> {
                Integration integration = new Integration(id, provider.type(), request.name(), webhookKey);
                store(tenant, integration, connected);
                integrations.save(integration);
                routes.add(new WebhookRoutes.Route(webhookKey, tenant.id(), id, provider.type()));
                audit.record("integration.connected", "integration", id, Map.of("type", provider.type(),
                        "name", request.name()));
                events.publishEvent(new IntegrationChanged(tenant, id, false));
            });
        } catch (RuntimeException e) {
            disconnectQuietly(provider, handle.withCredentials(connected.credentials()));
            throw e;
        }
        log.info("integration connected tenant={} integration={} type={} detail={}", tenant.slug(), id,
                provider.type(), connected.detail());
        return get(id);
    }

    public IntegrationDetails get(UUID id) {
        Integration integration = tx.execute(status -> find(id));
        return details(integration, counters.totals(id));
    }

    public Page<IntegrationDetails> list(int page, int size) {
        return tx.execute(status -> {
            Page<Integration> found = integrations.findAllByOrderByCreatedAtAsc(PageRequest.of(page, size));
            Map<UUID, IntegrationCounters.Totals> totals = counters.totals(
                    found.getContent().stream().map(Integration::getId).toList());
            return found.map(i -> details(i, totals.getOrDefault(i.getId(), IntegrationCounters.none())));
        });
    }

    /** The opened handle of an active integration of the tenant in context (for calls beyond messaging). */
    public IntegrationHandle handle(UUID id) {
        TenantRef tenant = TenantContext.require();
        Integration integration = tx.execute(status -> find(id));
        requireEnabled(integration);
        return handles.handle(tenant, integration);
    }

    /** Renames, and re-connects when the settings change (e.g. webhook to polling). */
    public IntegrationDetails update(UUID id, String name, Map<String, Object> settings) {
        TenantRef tenant = TenantContext.require();
        Integration current = tx.execute(status -> find(id));
        if (settings != null) {
            ChannelProvider provider = channels.require(current.getType());
            IntegrationHandle handle = handles.handle(tenant, current);
            Map<String, Object> validated = provider.validateSettings(settings, handle.target());
            IntegrationHandle changed = new IntegrationHandle(handle.tenantId(), id, handle.type(),
                    handle.credentials(), validated, handle.target());
            ConnectResult connected = current.getStatus() == IntegrationStatus.DISABLED
                    ? new ConnectResult(changed.credentials(), validated, "saved while disabled")
                    : connect(provider, changed);
            mutate(tenant, id, integration -> {
                if (integration.getStatus() == IntegrationStatus.DISABLED) {
                    integration.replaceSettings(connected.settings());
                } else {
                    store(tenant, integration, connected);
                }
            });
        }
        if (name != null) {
            mutate(tenant, id, integration -> integration.rename(name));
        }
        return get(id);
    }

    /** Replaces the credentials in place: same integration, same conversations, same webhook URL. */
    public IntegrationDetails replaceCredentials(UUID id, Map<String, Object> raw) {
        TenantRef tenant = TenantContext.require();
        Integration current = tx.execute(status -> find(id));
        ChannelProvider provider = channels.require(current.getType());
        ChannelCredentials credentials = provider.validateCredentials(raw);
        IntegrationHandle old = handles.handle(tenant, current);
        ConnectResult connected = connect(provider, old.withCredentials(credentials));
        mutate(tenant, id, integration -> {
            store(tenant, integration, connected);
            audit.record("integration.credentials_replaced", "integration", id, Map.of("type", integration.getType()));
        });
        log.info("integration credentials replaced tenant={} integration={}", tenant.slug(), id);
        return get(id);
    }

    public HealthReport test(UUID id) {
        TenantRef tenant = TenantContext.require();
        Integration integration = tx.execute(status -> find(id));
        ChannelProvider provider = channels.require(integration.getType());
        try {
            return provider.check(handles.handle(tenant, integration));
        } catch (ChannelException e) {
            return new HealthReport(false, e.getMessage(), Map.of("status", e.status()));
        }
    }

    public IntegrationDetails disable(UUID id) {
        TenantRef tenant = TenantContext.require();
        Integration integration = tx.execute(status -> find(id));
        disconnectQuietly(channels.require(integration.getType()), handles.handle(tenant, integration));
        mutate(tenant, id, i -> {
            i.disable();
            audit.record("integration.disabled", "integration", id, Map.of("type", i.getType()));
        });
        log.info("integration disabled tenant={} integration={}", tenant.slug(), id);
        return get(id);
    }

    public IntegrationDetails enable(UUID id) {
        TenantRef tenant = TenantContext.require();
        Integration integration = tx.execute(status -> find(id));
        ChannelProvider provider = channels.require(integration.getType());
        try {
            ConnectResult connected = connect(provider, handles.handle(tenant, integration));
            mutate(tenant, id, i -> {
                store(tenant, i, connected);
                audit.record("integration.enabled", "integration", id, Map.of("type", i.getType()));
            });
        } catch (ConnectFailedException e) {
            mutate(tenant, id, i -> i.failed(e.getMessage()));
            throw e;
        }
        return get(id);
    }

    public void delete(UUID id) {
        TenantRef tenant = TenantContext.require();
        Integration integration = tx.execute(status -> find(id));
        disconnectQuietly(channels.require(integration.getType()), handles.handle(tenant, integration));
        tx.executeWithoutResult(status -> {
            routes.remove(id);
            integrations.deleteById(id);
            audit.record("integration.deleted", "integration", id, Map.of("type", integration.getType(),
                    "name", integration.getName()));
            events.publishEvent(new IntegrationChanged(tenant, id, true));
        });
        log.info("integration deleted tenant={} integration={}", tenant.slug(), id);
    }

    /** Deregisters every integration of the tenant in context from its provider (tenant deletion). */
    public void disconnectAll() {
        TenantRef tenant = TenantContext.require();
        List<Integration> all = tx.execute(status -> integrations.findAll());
        for (Integration integration : all) {
            channels.byType(integration.getType()).ifPresent(provider ->
                    disconnectQuietly(provider, handles.handle(tenant, integration)));
        }
    }

    /** The integrations of the tenant in context, by id, for views that list many. */
    public Map<UUID, Integration> byId(List<UUID> ids) {
        return tx.execute(status -> integrations.findAllById(ids).stream()
                .collect(Collectors.toMap(Integration::getId, Function.identity())));
    }

    private Integration find(UUID id) {
        return integrations.findById(id).orElseThrow(() -> new NotFoundException("integration " + id));
    }

    private void mutate(TenantRef tenant, UUID id, java.util.function.Consumer<Integration> change) {
        tx.executeWithoutResult(status -> {
            Integration integration = find(id);
            change.accept(integration);
            integrations.save(integration);
            events.publishEvent(new IntegrationChanged(tenant, id, false));
        });
    }

    private void store(TenantRef tenant, Integration integration, ConnectResult connected) {
        integration.connected(handles.seal(tenant.id(), integration.getId(), connected.credentials()),
                IntegrationHandles.hint(connected.credentials()), connected.settings());
    }

    private static ConnectResult connect(ChannelProvider provider, IntegrationHandle handle) {
        try {
            return provider.connect(handle);
        } catch (ChannelException e) {
            throw new ConnectFailedException(e);
        }
    }

    private static void disconnectQuietly(ChannelProvider provider, IntegrationHandle handle) {
        try {
            provider.disconnect(handle);
        } catch (ChannelException | RuntimeException e) {
            log.warn("could not deregister integration={} type={} from the provider: {}", handle.integrationId(),
                    handle.type(), e.getMessage());
        }
    }

    private IntegrationDetails details(Integration integration, IntegrationCounters.Totals totals) {
        return new IntegrationDetails(integration, totals,
                handles.target(integration.getType(), integration.getWebhookKey()).webhookUrl(),
                breakers.state(integration.getId()));
    }

    /** Rejects work on a disabled integration with a clear reason. */
    public static void requireEnabled(Integration integration) {
        if (integration.getStatus() == IntegrationStatus.DISABLED) {
            throw new ConflictException("integrationId", "integration " + integration.getId() + " is disabled");
        }
    }
}
