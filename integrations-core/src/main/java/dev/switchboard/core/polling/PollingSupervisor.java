package dev.switchboard.core.polling;

import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.PollingReceiver;
import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.inbound.InboundStore;
import dev.switchboard.core.integration.IntegrationChanged;
import dev.switchboard.core.integration.IntegrationHandles;
import dev.switchboard.core.integration.IntegrationStatus;
import dev.switchboard.core.integration.StoredIntegration;
import dev.switchboard.core.integration.StoredIntegrations;
import dev.switchboard.core.metrics.PipelineMetrics;
import dev.switchboard.core.support.NodeIdentity;
import dev.switchboard.core.support.Threads;
import dev.switchboard.core.tenant.TenantDeleted;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs a {@link PollingLoop} for every active integration whose settings ask for polling, on the
 * node holding its lease. It re-examines all tenants periodically, and a changed integration at
 * once, so loops start, stop and move without a restart.
 */
@Component
public class PollingSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingSupervisor.class);

    private final TenantDirectory tenants;
    private final StoredIntegrations integrations;
    private final IntegrationHandles handles;
    private final ChannelRegistry channels;
    private final InboundStore store;
    private final PollerLeases leases;
    private final SwitchboardProperties.Polling config;
    private final String owner;
    private final PipelineMetrics metrics;
    private final Map<UUID, PollingLoop> loops = new ConcurrentHashMap<>();
    private final Set<IntegrationChanged> changed = ConcurrentHashMap.newKeySet();
    private final Object wakeUp = new Object();
    private volatile boolean fullScanDue;
    private volatile boolean running;
    private Thread supervisor;

    public PollingSupervisor(TenantDirectory tenants, StoredIntegrations integrations, IntegrationHandles handles,
                             ChannelRegistry channels, InboundStore store, PollerLeases leases,
                             SwitchboardProperties properties, NodeIdentity node, PipelineMetrics metrics) {
        this.tenants = tenants;
        this.integrations = integrations;
        this.handles = handles;
        this.channels = channels;
        this.store = store;
        this.leases = leases;
        this.config = properties.polling();
        this.owner = node.id();
        this.metrics = metrics;
    }

    @Override
    public void start() {
        running = true;
        supervisor = Threads.start("sb-polling-supervisor", this::superviseLoop);
    }

    @Override
    public void stop() {
        running = false;
        if (supervisor != null) {
            supervisor.interrupt();
        }
        loops.forEach((id, loop) -> {
            loop.stop();
            leases.release(id, owner);
        });
        loops.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Looks at the changed integration alone; the periodic scan looks at them all. */
    @TransactionalEventListener(fallbackExecution = true)
    void onChange(IntegrationChanged event) {
        changed.add(event);
        wake();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onTenantDeleted(TenantDeleted event) {
        fullScanDue = true;
        wake();
    }

    /** The integrations polled by this node right now. */
    public Set<UUID> polling() {
        return Set.copyOf(loops.keySet());
    }

    private void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /**
     * Scans every tenant each {@code supervisorInterval} (which also renews this node's leases and
     * takes over those of a node that died) and, in between, each changed integration alone: a scan
     * per change made provisioning quadratic (a thousand integrations connected, a thousand scans
     * of all of them).
     */
    private void superviseLoop() {
        long nextScan = System.nanoTime();
        while (running) {
            try {
                if (fullScanDue || System.nanoTime() - nextScan >= 0) {
                    fullScanDue = false;
                    changed.clear(); // the scan reads them as they are now
                    nextScan = System.nanoTime() + config.supervisorInterval().toNanos();
                    reconcileLoops();
                } else {
                    reconcileChanged();
                }
            } catch (RuntimeException e) {
                log.warn("polling supervision failed: {}", e.toString());
            }
            synchronized (wakeUp) {
                try {
                    long wait = Math.max(1, (nextScan - System.nanoTime()) / 1_000_000);
                    if (changed.isEmpty() && !fullScanDue) {
                        wakeUp.wait(wait);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void reconcileLoops() {
        Set<UUID> wanted = new HashSet<>();
        for (TenantRef tenant : tenants.all()) {
            List<StoredIntegration> active;
            try {
                active = integrations.active(tenant);
            } catch (DataAccessException e) {
                continue; // a tenant being deleted right now
            }
            for (StoredIntegration integration : active) {
                if (pollIfWanted(tenant, integration)) {
                    wanted.add(integration.id());
                }
            }
        }
        loops.keySet().stream().filter(id -> !wanted.contains(id)).toList().forEach(this::stopLoop);
    }

    private void reconcileChanged() {
        for (Iterator<IntegrationChanged> it = changed.iterator(); it.hasNext(); ) {
            IntegrationChanged change = it.next();
            it.remove();
            Optional<StoredIntegration> integration;
            try {
                integration = change.removed() ? Optional.empty()
                        : integrations.find(change.tenant(), change.integrationId());
            } catch (DataAccessException e) {
                integration = Optional.empty(); // a tenant being deleted right now
            }
            boolean wanted = integration.filter(i -> i.status() == IntegrationStatus.ACTIVE)
                    .map(i -> pollIfWanted(change.tenant(), i)).orElse(false);
            if (!wanted && loops.containsKey(change.integrationId())) {
                stopLoop(change.integrationId());
            }
        }
    }

    /** Whether the integration is to be polled by this node; if so, its loop runs. */
    private boolean pollIfWanted(TenantRef tenant, StoredIntegration integration) {
        Optional<PollingReceiver> receiver = receiverFor(tenant, integration);
        if (receiver.isEmpty() || !leases.acquire(tenant.id(), integration.id(), owner, leaseDuration())) {
            return false;
        }
        loops.computeIfAbsent(integration.id(), id -> startLoop(tenant, id, receiver.get()));
        return true;
    }

    private void stopLoop(UUID integrationId) {
        PollingLoop loop = loops.remove(integrationId);
        if (loop != null) {
            loop.stop();
            leases.release(integrationId, owner);
            log.info("polling stopped integration={}", integrationId);
        }
    }

    private Optional<PollingReceiver> receiverFor(TenantRef tenant, StoredIntegration integration) {
        Optional<ChannelProvider> provider = channels.byType(integration.type());
        if (provider.isEmpty() || provider.get().polling().isEmpty()) {
            return Optional.empty();
        }
        PollingReceiver receiver = provider.get().polling().get();
        IntegrationHandle handle = handles.handle(tenant, integration);
        return receiver.wanted(handle) ? Optional.of(receiver) : Optional.empty();
    }

    private PollingLoop startLoop(TenantRef tenant, UUID integrationId, PollingReceiver receiver) {
        PollingLoop loop = new PollingLoop(tenant, () -> currentHandle(tenant, integrationId), receiver, store,
                config.timeout(), config.errorBackoff(), metrics);
        Threads.start("sb-poll-" + integrationId.toString().substring(0, 8), loop);
        log.info("polling started tenant={} integration={}", tenant.slug(), integrationId);
        return loop;
    }

    private IntegrationHandle currentHandle(TenantRef tenant, UUID integrationId) {
        StoredIntegration integration = integrations.find(tenant, integrationId)
                .orElseThrow(() -> new IllegalStateException("integration " + integrationId + " is gone"));
        return handles.handle(tenant, integration);
    }

    private Duration leaseDuration() {
        return config.supervisorInterval().multipliedBy(3);
    }
}
