package dev.switchboard.core.webhook;

import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import dev.switchboard.core.channel.WebhookReply;
import dev.switchboard.core.channel.WebhookRequest;
import dev.switchboard.core.inbound.InboundGroupCommit;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.switchboard.core.integration.IntegrationChanged;
import dev.switchboard.core.integration.IntegrationHandles;
import dev.switchboard.core.integration.IntegrationStatus;
import dev.switchboard.core.integration.StoredIntegrations;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.metrics.PipelineMetrics;
import dev.switchboard.core.support.Threads;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The inbound path of every webhook: route lookup → the provider's authentication → parsing →
 * the events appended to the inbox, one row in a commit shared with concurrent webhooks
 * ({@link InboundGroupCommit}), from where the inbox mover stores them in the tenant's schema and
 * enqueues their processing. It returns only after that commit, so the provider's 2xx means
 * "durably accepted". Any rejection stores nothing.
 */
@Service
public class WebhookIngest implements DisposableBean {

    /** The integration's id in the log lines written while a delivery is handled. */
    public static final String INTEGRATION_LOG_KEY = "integration";

    /**
     * How long a webhook may use an integration's status and opened credentials without reading
     * them again: every delivery used to pay a read-only transaction for them. Changes on this
     * node evict at once; this bounds how long another node's change (a disable, new
     * credentials) takes to be seen here. An entry in use is read again in the background before
     * then, so a busy integration's webhooks never wait for that read.
     */
    static final Duration TARGET_TTL = Duration.ofSeconds(5);

    /** What a webhook needs of its integration. */
    private record Target(IntegrationStatus status, IntegrationHandle handle) {
    }

    private record TargetKey(TenantRef tenant, UUID integrationId) {
    }

    /**
     * Reads targets again in the background. Caffeine's default, the common pool, has no thread of
     * its own on two cores and started a thread per read, while holding the entry's map slot.
     */
    private final ExecutorService refreshes = Threads.perTask("sb-webhook-target");
    private final LoadingCache<TargetKey, Target> targets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(TARGET_TTL)
            .refreshAfterWrite(TARGET_TTL.dividedBy(2))
            .executor(refreshes)
            .build(key -> load(key.tenant(), key.integrationId()));

    private final ChannelRegistry channels;
    private final WebhookRoutes routes;
    private final TenantDirectory tenants;
    private final StoredIntegrations integrations;
    private final IntegrationHandles handles;
    private final InboundGroupCommit groupCommit;
    private final PipelineMetrics metrics;

    public WebhookIngest(ChannelRegistry channels, WebhookRoutes routes, TenantDirectory tenants,
                         StoredIntegrations integrations, IntegrationHandles handles,
                         InboundGroupCommit groupCommit, PipelineMetrics metrics) {
        this.channels = channels;
        this.routes = routes;
        this.tenants = tenants;
        this.integrations = integrations;
        this.handles = handles;
        this.groupCommit = groupCommit;
        this.metrics = metrics;
    }

    /**
     * What the webhook is answered with (a redelivery gets the same: it is a success).
     *
     * @param accepted how many events it carried; a redelivery's are accepted, and stored as a no-op
     */
    public record Outcome(int accepted, WebhookReply reply) {
    }

    /** @return how many events were accepted, and the provider's answer */
    public Outcome ingest(String segment, String webhookKey, WebhookRequest request) {
        long started = System.nanoTime();
        String type = channels.byWebhookSegment(segment).map(ChannelProvider::type).orElse("unknown");
        try {
            Outcome outcome = ingestMeasured(segment, webhookKey, request);
            metrics.webhook(type, outcome.accepted() > 0 ? "accepted" : "ignored", Duration.ofNanos(System.nanoTime() - started));
            return outcome;
        } catch (WebhookRejectedException e) {
            metrics.webhook(type, e.reason().name().toLowerCase(Locale.ROOT), Duration.ofNanos(System.nanoTime() - started));
            throw e;
        } catch (RuntimeException e) {
            metrics.webhook(type, "error", Duration.ofNanos(System.nanoTime() - started));
            throw e;
        }
    }

    private Outcome ingestMeasured(String segment, String webhookKey, WebhookRequest request) {
        ChannelProvider provider = channels.byWebhookSegment(segment).orElseThrow(WebhookIngest::unknown);
        WebhookRoutes.Route route = routes.find(webhookKey)
                .filter(r -> r.channelType().equals(provider.type()))
                .orElseThrow(WebhookIngest::unknown);
        TenantRef tenant = tenants.byId(route.tenantId()).orElseThrow(WebhookIngest::unknown);
        try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
            Target target = targets.get(new TargetKey(tenant, route.integrationId()));
            if (target == null || target.status() == IntegrationStatus.DISABLED) {
                throw unknown();
            }
            IntegrationHandle handle = target.handle();
            MDC.put(INTEGRATION_LOG_KEY, route.integrationId().toString());
            provider.authenticate(handle, request);
            List<InboundEvent> events = provider.parse(handle, request);
            if (!events.isEmpty()) {
                groupCommit.append(route.integrationId(), provider.type(), events);
            }
            return new Outcome(events.size(), provider.webhookReply(handle, request));
        } finally {
            MDC.remove(INTEGRATION_LOG_KEY);
        }
    }

    /** The integration as a webhook needs it: null when it is gone. */
    private Target load(TenantRef tenant, UUID integrationId) {
        return integrations.find(tenant, integrationId)
                .map(integration -> new Target(integration.status(), handles.handle(tenant, integration)))
                .orElse(null);
    }

    /** A change made on this node is seen by the next webhook; one made on another node within {@link #TARGET_TTL}. */
    @TransactionalEventListener(fallbackExecution = true)
    void onChange(IntegrationChanged event) {
        targets.invalidate(new TargetKey(event.tenant(), event.integrationId()));
    }

    @Override
    public void destroy() {
        refreshes.shutdown();
    }

    private static WebhookRejectedException unknown() {
        return new WebhookRejectedException(Reason.NOT_FOUND, "no such webhook");
    }
}
