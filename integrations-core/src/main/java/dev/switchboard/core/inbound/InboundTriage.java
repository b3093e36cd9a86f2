package dev.switchboard.core.inbound;

import dev.switchboard.core.agent.AgentRegistry;
import dev.switchboard.core.agent.AgentReply;
import dev.switchboard.core.agent.AgentRequest;
import dev.switchboard.core.agent.AgentService;
import dev.switchboard.core.agent.AgentSettings;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.conversation.Conversation;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationHandles;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.outbound.OutboundMessages;
import dev.switchboard.core.outbound.OutboundMessages.ConversationReply;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.workflow.InboundContext;
import dev.switchboard.core.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to one inbound message, without the work item around it: the workflows first (any
 * may consume it), then a person's conversation, a request for a person, no agent — or the
 * agent's request. Also the effects that follow: replies queued, the conversation handed over,
 * a pressed button acknowledged. Runs in the caller's transaction and tenant.
 */
@Component
class InboundTriage {

    private static final Logger log = LoggerFactory.getLogger(InboundTriage.class);

    /** A stored inbound message and its channel. */
    record Loaded(InboundReads.InboundRow message, ChannelProvider provider) {
    }

    /**
     * What was decided: the message is finished ({@code agent} null; {@code loaded} null when it is
     * gone; {@code handedOver} when it asked for a person), or the agent answers {@code request}.
     */
    record Decision(Loaded loaded, AgentService agent, AgentRequest request, boolean handedOver) {

        static Decision finished(Loaded loaded) {
            return new Decision(loaded, null, null, false);
        }

        boolean done() {
            return agent == null;
        }
    }

    private final InboundReads reads;
    private final IntegrationRepository integrations;
    private final IntegrationHandles handles;
    private final ChannelRegistry channels;
    private final List<Workflow> workflows;
    private final AgentRegistry agents;
    private final OutboundMessages outbound;
    private final HandOff handOff;

    InboundTriage(InboundReads reads, IntegrationRepository integrations, IntegrationHandles handles,
                  ChannelRegistry channels, List<Workflow> workflows, AgentRegistry agents, OutboundMessages outbound,
                  HandOff handOff) {
        this.reads = reads;
        this.integrations = integrations;
        this.handles = handles;
        this.channels = channels;
        this.workflows = workflows;
        this.agents = agents;
        this.outbound = outbound;
        this.handOff = handOff;
    }

    /** Everything up to the agent's call; {@code settings} is asked only when the agent is next. */
    Decision decide(InboundReads.InboundRow message, TenantRef tenant, Supplier<AgentSettings> settings) {
        if (message == null) {
            return Decision.finished(null);
        }
        Loaded loaded = new Loaded(message, channels.require(message.integrationType()));
        InboundContext context = context(tenant, loaded);
        for (Workflow workflow : workflows) {
            if (workflow.handle(context)) {
                return Decision.finished(loaded);
            }
        }
        if (Conversation.HUMAN.equals(message.mode())) {
            return Decision.finished(loaded);
        }
        if (handOff.requested(message.text())) {
            record(loaded, new AgentReply(List.of(handOff.reply()), true, "asked for a person"));
            return new Decision(loaded, null, null, true);
        }
        AgentSettings current = settings.get();
        AgentService agent = agents.byKind(current.kind()).orElse(null);
        if (agent == null) {
            return Decision.finished(loaded);
        }
        return new Decision(loaded, agent, request(tenant, loaded, current, agent.readsHistory()), false);
    }

    /** The agent's (or the hand-off's) answer to a message. */
    record Answer(Loaded loaded, AgentReply reply) {
    }

    void record(Loaded loaded, AgentReply reply) {
        record(List.of(new Answer(loaded, reply)));
    }

    /** Answers: their replies queued together, each conversation handed over if its answer asked. */
    void record(List<Answer> answers) {
        List<ConversationReply> replies = new ArrayList<>();
        for (Answer answer : answers) {
            InboundReads.InboundRow message = answer.loaded().message();
            answer.reply().messages().forEach(text -> replies.add(new ConversationReply(message.conversationId(),
                    message.integrationId(), message.integrationType(), text)));
        }
        outbound.replyInConversations(replies);
        for (Answer answer : answers) {
            if (answer.reply().handOff()) {
                InboundReads.InboundRow message = answer.loaded().message();
                handOff.handOver(message.conversationId(), answer.reply().handOffReason(), message.text());
            }
        }
    }

    /** Stops the spinner on the button the person pressed; a failure only costs the spinner. */
    void acknowledgeButton(TenantRef tenant, Loaded loaded) {
        if (loaded == null || !MessageKind.BUTTON.wireName().equals(loaded.message().kind())) {
            return;
        }
        InboundReads.InboundRow message = loaded.message();
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

    private AgentRequest request(TenantRef tenant, Loaded loaded, AgentSettings settings, boolean withHistory) {
        InboundReads.InboundRow message = loaded.message();
        List<AgentRequest.Turn> history = withHistory
                ? reads.recentTurns(tenant, message.conversationId(), message.messageId()) : List.of();
        return new AgentRequest(tenant, message.conversationId(), message.turn(), history, settings,
                loaded.provider().capabilities());
    }
}
