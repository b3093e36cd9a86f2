package dev.switchboard.core.polling;

import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.PollingReceiver;
import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.inbound.InboundStore;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationChanged;
import dev.switchboard.core.integration.IntegrationHandles;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.integration.IntegrationStatus;
import dev.switchboard.core.metrics.PipelineMetrics;
import dev.switchboard.core.support.NodeIdentity;
import dev.switchboard.core.support.Threads;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDeleted;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a {@link PollingLoop} for every active integration whose settings ask for polling, on the
 * node holding its lease. It re-examines all tenants periodically and at once after an
 * integration changes, so loops start, stop and move without a restart.
 */
@Component
public class PollingSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingSupervisor.class);

    private final TenantDirectory tenants;
    private final IntegrationRepository integrations;
    private final IntegrationHandles handles;
    private final ChannelRegistry channels;
    private final InboundStore store;
    private final PollerLeases leases;
    private final TransactionTemplate tx;
    private final SwitchboardProperties.Polling config;
    private final String owner;
    private final PipelineMetrics metrics;
    private final Map<UUID, PollingLoop> loops = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private Thread supervisor;

    public PollingSupervisor(TenantDirectory tenants, IntegrationRepository integrations, IntegrationHandles handles,
                             ChannelRegistry channels, InboundStore store, PollerLeases leases, TransactionTemplate tx,
                             SwitchboardProperties properties, NodeIdentity node, PipelineMetrics metrics) {
        this.tenants = tenants;
        this.integrations = integrations;
        this.handles = handles;
        this.channels = channels;
        this.store = store;
        this.leases = leases;
        this.tx = tx;
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

    @TransactionalEventListener(fallbackExecution = true)
    void onChange(IntegrationChanged event) {
        wake();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onTenantDeleted(TenantDeleted event) {
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

    private void superviseLoop() {
        while (running) {
            try {
                reconcileLoops();
            } catch (RuntimeException e) {
                log.warn("polling supervision failed: {}", e.toString());
            }
            synchronized (wakeUp) {
                try {
                    wakeUp.wait(config.supervisorInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void reconcileLoops() {
        Set<UUID> wanted = new HashSet<>();
        for (TenantRef tenant : tenants.all()) {
            try (TenantContext.Scope scope = TenantContext.enter(tenant)) {
                List<Integration> active;
                try {
                    active = tx.execute(status -> integrations.findByStatus(IntegrationStatus.ACTIVE));
                } catch (org.springframework.dao.DataAccessException e) {
                    continue; // a tenant being deleted right now
                }
                for (Integration integration : active) {
                    receiverFor(tenant, integration).ifPresent(receiver -> {
                        if (leases.acquire(tenant.id(), integration.getId(), owner, leaseDuration())) {
                            wanted.add(integration.getId());
                            loops.computeIfAbsent(integration.getId(), id -> startLoop(tenant, id, receiver));
                        }
                    });
                }
            }
        }
        loops.keySet().stream().filter(id -> !wanted.contains(id)).toList().forEach(id -> {
            loops.remove(id).stop();
            leases.release(id, owner);
            log.info("polling stopped integration={}", id);
        });
    }

    private Optional<PollingReceiver> receiverFor(TenantRef tenant, Integration integration) {
        Optional<ChannelProvider> provider = channels.byType(integration.getType());
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
        Integration integration = tx.execute(status -> integrations.findById(integrationId).orElseThrow());
        return handles.handle(tenant, integration);
    }

    private Duration leaseDuration() {
        return config.supervisorInterval().multipliedBy(3);
    }
}
