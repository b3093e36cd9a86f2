package dev.switchboard.core.inbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes one stored inbound message: workflows first (any may consume it), then, if the
 * conversation is with the bot, the tenant's agent. Everything before the agent is one
 * transaction (most messages end there); both transactions are {@link WorkTransactions}, since
 * the item runs again if either is lost; the agent is called outside any transaction, and its
 * replies are enqueued in the same transaction that completes the item, so a crash can make the
 * agent think twice but never makes it answer twice. When several of a tenant's messages wait,
 * a worker takes them together ({@link #handleAll}): one transaction triages them all.
 */
@Component
class InboundHandler implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);
    /**
     * Up to this many of a tenant's waiting messages per transaction: per message, a transaction of
     * its own cost about seven round trips (claim, schema, read, settings, completion, commit,
     * reset), which on a busy node was as much database work as storing the message.
     */
    private static final int GROUP_SIZE = 16;

    /** Per tenant, whether its agent answers at once; a changed agent regroups within seconds. */
    private final Cache<UUID, Boolean> immediateAgent = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

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

    /**
     * Messages of one tenant triaged in one transaction, when several are waiting and its agent
     * answers at once (or there is none); a slow agent's messages each get a worker of their own.
     */
    @Override
    public int groupSize(WorkItem item) {
        boolean immediate = immediateAgent.get(item.tenantId(), tenant -> agents
                .byKind(tx.execute(status -> agentSettings.current().kind()))
                .map(AgentService::immediate).orElse(true));
        return immediate ? GROUP_SIZE : 1;
    }

    private record Loaded(InboundReads.InboundRow message, ChannelProvider provider) {
    }

    /**
     * What triage decided: the item is done ({@code agent} null; {@code loaded} null when the
     * message is gone), or the agent answers.
     */
    private record Triage(Loaded loaded, AgentService agent, AgentRequest request) {

        static Triage done(Loaded loaded) {
            return new Triage(loaded, null, null);
        }

        boolean done() {
            return agent == null;
        }
    }

    /** A message the agent answered, to record. */
    private record Answered(Triage triage, AgentReply reply) {
    }

    private static final Comparator<Answered> BY_CHAT = Comparator
            .comparing((Answered a) -> a.triage().loaded().message().integrationId())
            .thenComparing(a -> a.triage().loaded().message().chatId());

    @Override
    public void handle(WorkItem item) throws Exception {
        TenantRef tenant = TenantContext.require();
        Triage triage = tx.execute(status -> {
            Triage decided = triage(reads.message(item.refId()).orElse(null), tenant, agentSettings::current);
            if (decided.done()) {
                queue.complete(item);
            }
            return decided;
        });
        acknowledgeButton(tenant, triage.loaded());
        if (triage.done()) {
            return;
        }
        AgentReply reply = triage.agent().reply(triage.request());
        tx.executeWithoutResult(status -> {
            record(triage.loaded(), reply);
            queue.complete(item);
        });
    }

    /**
     * The same for several messages: one transaction triages them all (one read, one completion);
     * the agent answers the rest, recorded together. Left to {@link #handle}, which runs them one by
     * one afterwards: a message whose agent call or record fails, and the later messages of a
     * conversation that asked for a person in this group (they must see it handed over).
     */
    @Override
    public List<WorkItem> handleAll(List<WorkItem> items) {
        TenantRef tenant = TenantContext.require();
        Triaged triaged = tx.execute(status -> triageAll(items, tenant));
        List<WorkItem> left = new ArrayList<>(triaged.deferred());
        Map<WorkItem, Answered> answered = new LinkedHashMap<>();
        triaged.decided().forEach((item, triage) -> {
            acknowledgeButton(tenant, triage.loaded());
            if (!triage.done()) {
                try {
                    answered.put(item, new Answered(triage, triage.agent().reply(triage.request())));
                } catch (Exception e) {
                    log.info("agent failed in a group, message={} runs alone: {}", triage.loaded().message().messageId(),
                            e.toString());
                    left.add(item);
                }
            }
        });
        if (!answered.isEmpty()) {
            try {
                tx.executeWithoutResult(status -> {
                    // in the order every writer locks contacts and conversations, so groups never deadlock
                    answered.values().stream().sorted(BY_CHAT).forEach(a -> record(a.triage().loaded(), a.reply()));
                    queue.completeAll(List.copyOf(answered.keySet()));
                });
            } catch (RuntimeException e) {
                log.info("recording a group's {} answers failed, they run alone: {}", answered.size(), e.toString());
                left.addAll(answered.keySet());
            }
        }
        left.sort(Comparator.comparingLong(WorkItem::id));
        return left;
    }

    /** A group's triage: what was decided, and what waits to run one by one. */
    private record Triaged(Map<WorkItem, Triage> decided, List<WorkItem> deferred) {
    }

    private Triaged triageAll(List<WorkItem> items, TenantRef tenant) {
        Map<UUID, InboundReads.InboundRow> rows = reads.messages(items.stream().map(WorkItem::refId).toList());
        Supplier<AgentSettings> settings = memoized(agentSettings::current);
        Map<WorkItem, Triage> decided = new LinkedHashMap<>();
        List<WorkItem> deferred = new ArrayList<>();
        Set<UUID> handedOver = new HashSet<>(); // read before this group handed them over
        for (WorkItem item : items.stream().sorted(Comparator.comparingLong(WorkItem::id)).toList()) {
            InboundReads.InboundRow row = rows.get(item.refId());
            if (row != null && handedOver.contains(row.conversationId())) {
                deferred.add(item);
                continue;
            }
            decided.put(item, triage(row, tenant, settings));
            if (row != null && handOff.requested(row.text())) {
                handedOver.add(row.conversationId());
            }
        }
        queue.completeAll(decided.entrySet().stream().filter(e -> e.getValue().done()).map(Map.Entry::getKey).toList());
        return new Triaged(decided, deferred);
    }

    /**
     * Everything up to the agent's call, in the caller's transaction: the workflows, a person's
     * conversation, a request for a person, no agent. Each of those finishes the message here.
     */
    private Triage triage(InboundReads.InboundRow message, TenantRef tenant, Supplier<AgentSettings> settings) {
        if (message == null) {
            return Triage.done(null);
        }
        Loaded loaded = new Loaded(message, channels.require(message.integrationType()));
        InboundContext context = context(tenant, loaded);
        for (Workflow workflow : workflows) {
            if (workflow.handle(context)) {
                return Triage.done(loaded);
            }
        }
        if (Conversation.HUMAN.equals(message.mode())) {
            return Triage.done(loaded);
        }
        if (handOff.requested(message.text())) {
            record(loaded, new AgentReply(List.of(handOff.reply()), true, "asked for a person"));
            return Triage.done(loaded);
        }
        AgentSettings current = settings.get();
        AgentService agent = agents.byKind(current.kind()).orElse(null);
        if (agent == null) {
            return Triage.done(loaded);
        }
        return new Triage(loaded, agent, request(tenant, loaded, current));
    }

    /** The agent's (or the hand-off's) answer: replies queued, the conversation handed over if asked. */
    private void record(Loaded loaded, AgentReply reply) {
        InboundReads.InboundRow message = loaded.message();
        for (String text : reply.messages()) {
            outbound.enqueueInCurrentTransaction(NewOutbound.text(message.integrationId(), message.chatId(), text));
        }
        if (reply.handOff()) {
            handOff.handOver(message.conversationId(), reply.handOffReason(), message.text());
        }
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        Object[] value = new Object[1];
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) value[0];
            return t;
        };
    }

    /** Stops the spinner on the button the person pressed; a failure only costs the spinner. */
    private void acknowledgeButton(TenantRef tenant, Loaded loaded) {
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

    private AgentRequest request(TenantRef tenant, Loaded loaded, AgentSettings settings) {
        InboundReads.InboundRow message = loaded.message();
        return new AgentRequest(tenant, message.conversationId(), message.turn(),
                reads.recentTurns(message.conversationId(), message.messageId()), settings,
                loaded.provider().capabilities());
    }
}
