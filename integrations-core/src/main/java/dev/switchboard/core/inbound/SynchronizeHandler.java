package dev.switchboard.core.inbound;

import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationHandles;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.integration.IntegrationStatus;
import dev.switchboard.core.queue.WorkHandler;
import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.queue.WorkKinds;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.tenant.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs an integration's {@code synchronize} after a remote change; a failure retries with back-off. */
@Component
class SynchronizeHandler implements WorkHandler {

    private final IntegrationRepository integrations;
    private final IntegrationHandles handles;
    private final ChannelRegistry channels;
    private final WorkQueue queue;
    private final TransactionTemplate tx;

    SynchronizeHandler(IntegrationRepository integrations, IntegrationHandles handles, ChannelRegistry channels,
                       WorkQueue queue, TransactionTemplate tx) {
        this.integrations = integrations;
        this.handles = handles;
        this.channels = channels;
        this.queue = queue;
        this.tx = tx;
    }

    @Override
    public String kind() {
        return WorkKinds.SYNCHRONIZE;
    }

    @Override
    public void handle(WorkItem item) throws ChannelException {
        Integration integration = tx.execute(status -> integrations.findById(item.refId()).orElse(null));
        if (integration != null && integration.getStatus() == IntegrationStatus.ACTIVE) {
            channels.require(integration.getType()).synchronize(handles.handle(TenantContext.require(), integration));
        }
        tx.executeWithoutResult(status -> queue.complete(item));
    }
}
