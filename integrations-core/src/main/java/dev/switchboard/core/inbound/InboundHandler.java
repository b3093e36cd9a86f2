package dev.switchboard.core.inbound;

import dev.switchboard.core.agent.AgentRegistry;
import dev.switchboard.core.agent.AgentReply;
import dev.switchboard.core.agent.AgentRequest;
import dev.switchboard.core.agent.AgentService;
import dev.switchboard.core.agent.AgentSettings;
import dev.switchboard.core.agent.AgentSettingsStore;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.conversation.Conversation;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationHandles;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.outbound.NewOutbound;
import dev.switchboard.core.outbound.OutboundMessages;
import dev.switchboard.core.queue.WorkHandler;
import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.queue.WorkKinds;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.queue.WorkTransactions;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.workflow.InboundContext;
import dev.switchboard.core.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes one stored inbound message: workflows first (any may consume it), then, if the
 * conversation is with the bot, the tenant's agent. Everything before the agent is one
 * transaction (most messages end there); both transactions are {@link WorkTransactions}, since
 * the item runs again if either is lost; the agent is called outside any transaction, and its
 * replies are enqueued in the same transaction that completes the item, so a crash can make the
 * agent think twice but never makes it answer twice.
 */
@Component
class InboundHandler implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);

    private final InboundReads reads;
    private final IntegrationRepository integrations;
    private final IntegrationHandles handles;
    private final ChannelRegistry channels;
    private final List<Workflow> workflows;
    private final AgentRegistry agents;
    private final AgentSettingsStore agentSettings;
    private final OutboundMessages outbound;
    private final WorkQueue queue;
    private final HandOff handOff;
    private final WorkTransactions tx;

    InboundHandler(InboundReads reads, IntegrationRepository integrations, IntegrationHandles handles, ChannelRegistry channels,
                   List<Workflow> workflows, AgentRegistry agents, AgentSettingsStore agentSettings,
                   OutboundMessages outbound, WorkQueue queue, HandOff handOff, WorkTransactions tx) {
        this.reads = reads;
        this.integrations = integrations;
        this.handles = handles;
        this.channels = channels;
        this.workflows = workflows;
        this.agents = agents;
        this.agentSettings = agentSettings;
        this.outbound = outbound;
        this.queue = queue;
        this.handOff = handOff;
        this.tx = tx;
    }

    @Override
    public String kind() {
        return WorkKinds.INBOUND;
    }

    private record Loaded(InboundReads.InboundRow message, ChannelProvider provider) {
    }

    /** What the first transaction decided: the item is done ({@code agent} null), or the agent answers. */
    private record Triage(Loaded loaded, AgentService agent, AgentRequest request) {

        static Triage done(Loaded loaded) {
            return new Triage(loaded, null, null);
        }
    }

    @Override
    public void handle(WorkItem item) throws Exception {
        TenantRef tenant = TenantContext.require();
        Triage triage = tx.execute(status -> triage(item, tenant));
        if (triage == null) {
            return;
        }
        acknowledgeButton(tenant, triage.loaded());
        if (triage.agent() == null) {
            return;
        }
        AgentReply reply = triage.agent().reply(triage.request());
        tx.executeWithoutResult(status -> answer(item, triage.loaded(), reply));
    }

    /**
     * Everything up to the agent's call, in one transaction: the workflows, a person's conversation,
     * a request for a person, no agent. Each of those completes the item here.
     */
    private Triage triage(WorkItem item, TenantRef tenant) {
        Loaded loaded = load(item);
        if (loaded == null) {
            return null;
        }
        InboundContext context = context(tenant, loaded);
        for (Workflow workflow : workflows) {
            if (workflow.handle(context)) {
                queue.complete(item);
                return Triage.done(loaded);
            }
        }
        if (Conversation.HUMAN.equals(loaded.message().mode())) {
            queue.complete(item);
            return Triage.done(loaded);
        }
        if (handOff.requested(loaded.message().text())) {
            answer(item, loaded, new AgentReply(List.of(handOff.reply()), true, "asked for a person"));
            return Triage.done(loaded);
        }
        AgentSettings settings = agentSettings.current();
        AgentService agent = agents.byKind(settings.kind()).orElse(null);
        if (agent == null) {
            queue.complete(item);
            return Triage.done(loaded);
        }
        return new Triage(loaded, agent, request(tenant, loaded, settings));
    }

    private Loaded load(WorkItem item) {
        InboundReads.InboundRow message = reads.message(item.refId()).orElse(null);
        if (message == null) {
            queue.complete(item);
            return null;
        }
        return new Loaded(message, channels.require(message.integrationType()));
    }

    private void answer(WorkItem item, Loaded loaded, AgentReply reply) {
        InboundReads.InboundRow message = loaded.message();
        for (String text : reply.messages()) {
            outbound.enqueueInCurrentTransaction(NewOutbound.text(message.integrationId(), message.chatId(), text));
        }
        if (reply.handOff()) {
            handOff.handOver(message.conversationId(), reply.handOffReason(), message.text());
        }
        queue.complete(item);
    }

    /** Stops the spinner on the button the person pressed; a failure only costs the spinner. */
    private void acknowledgeButton(TenantRef tenant, Loaded loaded) {
        InboundReads.InboundRow message = loaded.message();
        if (!MessageKind.BUTTON.wireName().equals(message.kind())) {
            return;
        }
        try {
            Integration integration = integrations.findById(message.integrationId()).orElseThrow();
            loaded.provider().acknowledge(handles.handle(tenant, integration), new InboundMessage(
                    message.externalId(), message.chatId(), null, MessageKind.BUTTON, message.text(),
                    message.payload(), message.providerMessageId(), message.createdAt()));
        } catch (ChannelException | RuntimeException e) {
            log.info("button acknowledgement failed message={}: {}", message.messageId(), e.getMessage());
        }
    }

    private InboundContext context(TenantRef tenant, Loaded loaded) {
        InboundReads.InboundRow message = loaded.message();
        return new InboundContext(tenant, message.integrationId(), message.integrationType(), message.conversationId(),
                message.contactId(), message.chatId(), message.messageId(), message.kind(), message.text(),
                message.payload());
    }

    private AgentRequest request(TenantRef tenant, Loaded loaded, AgentSettings settings) {
        InboundReads.InboundRow message = loaded.message();
        return new AgentRequest(tenant, message.conversationId(), message.turn(),
                reads.recentTurns(message.conversationId(), message.messageId()), settings,
                loaded.provider().capabilities());
    }
}
