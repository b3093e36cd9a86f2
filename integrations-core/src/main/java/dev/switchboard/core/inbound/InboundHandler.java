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
import dev.switchboard.core.conversation.ConversationRepository;
import dev.switchboard.core.conversation.Message;
import dev.switchboard.core.conversation.MessageRepository;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationHandles;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.outbound.NewOutbound;
import dev.switchboard.core.outbound.OutboundMessages;
import dev.switchboard.core.queue.WorkHandler;
import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.queue.WorkKinds;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.workflow.InboundContext;
import dev.switchboard.core.workflow.Workflow;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes one stored inbound message: workflows first (any may consume it), then, if the
 * conversation is with the bot, the tenant's agent. The agent is called outside any transaction;
 * its replies are enqueued in the same transaction that completes the item, so a crash can make
 * the agent think twice but never makes it answer twice.
 */
@Component
class InboundHandler implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final IntegrationRepository integrations;
    private final IntegrationHandles handles;
    private final ChannelRegistry channels;
    private final List<Workflow> workflows;
    private final AgentRegistry agents;
    private final AgentSettingsStore agentSettings;
    private final OutboundMessages outbound;
    private final WorkQueue queue;
    private final HandOff handOff;
    private final TransactionTemplate tx;

    InboundHandler(MessageRepository messages, ConversationRepository conversations,
                   IntegrationRepository integrations, IntegrationHandles handles, ChannelRegistry channels,
                   List<Workflow> workflows, AgentRegistry agents, AgentSettingsStore agentSettings,
                   OutboundMessages outbound, WorkQueue queue, HandOff handOff, TransactionTemplate tx) {
        this.messages = messages;
        this.conversations = conversations;
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

    private record Loaded(Message message, Conversation conversation, Integration integration, ChannelProvider provider) {
    }

    @Override
    public void handle(WorkItem item) throws Exception {
        TenantRef tenant = TenantContext.require();
        Loaded loaded = tx.execute(status -> load(item));
        if (loaded == null) {
            return;
        }
        acknowledgeButton(tenant, loaded);
        InboundContext context = context(tenant, loaded);
        Boolean consumed = tx.execute(status -> consumeByWorkflow(item, context));
        if (Boolean.TRUE.equals(consumed)) {
            return;
        }
        if (Conversation.HUMAN.equals(loaded.conversation().getMode())) {
            tx.executeWithoutResult(status -> queue.complete(item));
            return;
        }
        if (handOff.requested(loaded.message().getText())) {
            tx.executeWithoutResult(status -> answer(item, loaded,
                    new AgentReply(List.of(handOff.reply()), true, "asked for a person")));
            return;
        }
        AgentSettings settings = agentSettings.current();
        AgentService agent = agents.byKind(settings.kind()).orElse(null);
        if (agent == null) {
            tx.executeWithoutResult(status -> queue.complete(item));
            return;
        }
        AgentReply reply = agent.reply(request(tenant, loaded, settings));
        tx.executeWithoutResult(status -> answer(item, loaded, reply));
    }

    private Loaded load(WorkItem item) {
        Message message = messages.findById(item.refId()).orElse(null);
        Conversation conversation = message == null ? null : conversations.findById(message.getConversationId()).orElse(null);
        Integration integration = message == null ? null : integrations.findById(message.getIntegrationId()).orElse(null);
        if (conversation == null || integration == null) {
            queue.complete(item);
            return null;
        }
        return new Loaded(message, conversation, integration, channels.require(integration.getType()));
    }

    private Boolean consumeByWorkflow(WorkItem item, InboundContext context) {
        for (Workflow workflow : workflows) {
            if (workflow.handle(context)) {
                queue.complete(item);
                return true;
            }
        }
        return false;
    }

    private void answer(WorkItem item, Loaded loaded, AgentReply reply) {
        Conversation conversation = loaded.conversation();
        for (String text : reply.messages()) {
            outbound.enqueueInCurrentTransaction(
                    NewOutbound.text(conversation.getIntegrationId(), conversation.getChatId(), text));
        }
        if (reply.handOff()) {
            handOff.handOver(conversation.getId(), reply.handOffReason(), loaded.message().getText());
        }
        queue.complete(item);
    }

    /** Stops the spinner on the button the person pressed; a failure only costs the spinner. */
    private void acknowledgeButton(TenantRef tenant, Loaded loaded) {
        if (!MessageKind.BUTTON.wireName().equals(loaded.message().getKind())) {
            return;
        }
        Message message = loaded.message();
        try {
            loaded.provider().acknowledge(handles.handle(tenant, loaded.integration()), new InboundMessage(
                    message.getExternalId(), loaded.conversation().getChatId(), null, MessageKind.BUTTON,
                    message.getText(), message.getPayload(), message.getProviderMessageId(), message.getCreatedAt()));
        } catch (ChannelException | RuntimeException e) {
            log.info("button acknowledgement failed message={}: {}", message.getId(), e.getMessage());
        }
    }

    private InboundContext context(TenantRef tenant, Loaded loaded) {
        Message message = loaded.message();
        Conversation conversation = loaded.conversation();
        return new InboundContext(tenant, conversation.getIntegrationId(), loaded.integration().getType(),
                conversation.getId(), conversation.getContactId(), conversation.getChatId(), message.getId(),
                message.getKind(), message.getText(), message.getPayload());
    }

    private AgentRequest request(TenantRef tenant, Loaded loaded, AgentSettings settings) {
        List<AgentRequest.Turn> history = tx.execute(status -> messages
                .findTop20ByConversationIdOrderByCreatedAtDesc(loaded.conversation().getId()).stream()
                .filter(m -> !m.getId().equals(loaded.message().getId()))
                .sorted(Comparator.comparing(Message::getCreatedAt))
                .map(InboundHandler::turn)
                .toList());
        return new AgentRequest(tenant, loaded.conversation().getId(), turn(loaded.message()), history, settings,
                loaded.provider().capabilities());
    }

    private static AgentRequest.Turn turn(Message message) {
        return new AgentRequest.Turn(message.getDirection(), message.getKind(), message.getText(), message.getCreatedAt());
    }
}
