package dev.switchboard.core.inbound;

import dev.switchboard.core.agent.AgentRegistry;
import dev.switchboard.core.agent.AgentReply;
import dev.switchboard.core.agent.AgentService;
import dev.switchboard.core.agent.AgentSettings;
import dev.switchboard.core.agent.AgentSettingsStore;
import dev.switchboard.core.inbound.InboundTriage.Decision;
import dev.switchboard.core.queue.WorkHandler;
import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.queue.WorkKinds;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.queue.WorkTransactions;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Processes stored inbound messages ({@link InboundTriage} decides what each needs). The message
 * is read first ({@link InboundReads}); everything else before the agent is one transaction (most
 * messages end there); an agent that answers at once (no remote call) answers inside it, a slow
 * one is called outside any transaction and its replies are recorded by a second. Both are
 * {@link WorkTransactions}, since the item runs again if either is lost, and replies are enqueued
 * in the transaction that completes the item, so a crash can make the agent think twice but never
 * makes it answer twice. When several of a tenant's messages wait and its agent answers at once,
 * a worker takes them together ({@link #handleAll}): one transaction triages and answers them all.
 * A conversation's messages are answered in the order they came: one whose conversation has an
 * earlier message still waiting (on another worker, say) waits for it, in the queue.
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
    /**
     * How long a message waits for an earlier one of its conversation before looking again: about
     * the time a worker takes to answer one at once.
     */
    private static final Duration ORDER_WAIT = Duration.ofMillis(100);

    private final InboundReads reads;
    private final InboundTriage triage;
    private final AgentRegistry agents;
    private final AgentSettingsStore agentSettings;
    private final WorkQueue queue;
    private final WorkTransactions tx;

    InboundHandler(InboundReads reads, InboundTriage triage, AgentRegistry agents, AgentSettingsStore agentSettings,
                   WorkQueue queue, WorkTransactions tx) {
        this.reads = reads;
        this.triage = triage;
        this.agents = agents;
        this.agentSettings = agentSettings;
        this.queue = queue;
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
        boolean immediate = agents.byKind(agentSettings.current().kind()).map(AgentService::immediate).orElse(true);
        return immediate ? GROUP_SIZE : 1;
    }

    /**
     * One message: an agent that answers at once does so inside the triage transaction; a slow
     * one is called between two, holding no connection.
     */
    @Override
    public void handle(WorkItem item) throws Exception {
        TenantRef tenant = TenantContext.require();
        InboundReads.InboundRow message = reads.message(tenant, item.refId()).orElse(null);
        if (message != null && message.behindEarlier()) {
            queue.postpone(item, Instant.now().plus(ORDER_WAIT));
            return;
        }
        Decision decision = tx.execute(status -> {
            Decision decided = triage.decide(message, tenant, agentSettings::current);
            if (!decided.done() && decided.agent().immediate()) {
                triage.record(decided.loaded(), replyAtOnce(decided));
            }
            if (decided.done() || decided.agent().immediate()) {
                queue.complete(item);
            }
            return decided;
        });
        triage.acknowledgeButton(tenant, decision.loaded());
        if (decision.done() || decision.agent().immediate()) {
            return;
        }
        AgentReply reply = decision.agent().reply(decision.request());
        tx.executeWithoutResult(status -> {
            triage.record(decision.loaded(), reply);
            queue.complete(item);
        });
    }

    /** An immediate agent's reply; its failure rolls the transaction back and the item runs again. */
    private static AgentReply replyAtOnce(Decision decision) {
        try {
            return decision.agent().reply(decision.request());
        } catch (Exception e) {
            throw new IllegalStateException("the " + decision.agent().kind() + " agent failed: " + e.getMessage(), e);
        }
    }

    /** A group's outcome: what was decided, and what waits to run one by one. */
    private record Triaged(Map<WorkItem, Decision> decided, List<WorkItem> deferred) {
    }

    /**
     * The same for several messages of a tenant whose agent answers at once, in one transaction:
     * one read, the agent's replies recorded together, one completion. Left to {@link #handle},
     * which runs them one by one afterwards: a message whose agent call fails, one whose agent
     * turned out not to answer at once (the tenant changed it), one whose conversation has an
     * earlier message waiting outside the group, and the later messages of a conversation that
     * asked for a person in this group (they must see it handed over) or has a message left (they
     * must not overtake it). If the transaction fails, the dispatcher runs the whole group one by
     * one.
     */
    @Override
    public List<WorkItem> handleAll(List<WorkItem> items) {
        TenantRef tenant = TenantContext.require();
        Map<UUID, InboundReads.InboundRow> rows = reads.messages(tenant, items.stream().map(WorkItem::refId).toList());
        Triaged triaged = tx.execute(status -> {
            Triaged decided = triageAll(items, rows, tenant);
            List<InboundTriage.Answer> answers = new ArrayList<>();
            List<WorkItem> answered = new ArrayList<>();
            Set<UUID> heldBack = new HashSet<>(); // conversations with a deferred message: the later ones wait for it
            decided.decided().forEach((item, decision) -> {
                if (decision.done()) {
                    return;
                }
                UUID conversation = decision.loaded().message().conversationId();
                if (!decision.agent().immediate() || heldBack.contains(conversation)) {
                    decided.deferred().add(item);
                    heldBack.add(conversation);
                    return;
                }
                try {
                    answers.add(new InboundTriage.Answer(decision.loaded(), decision.agent().reply(decision.request())));
                    answered.add(item);
                } catch (Exception e) {
                    log.info("agent failed in a group, message={} runs alone: {}",
                            decision.loaded().message().messageId(), e.toString());
                    decided.deferred().add(item);
                    heldBack.add(conversation);
                }
            });
            triage.record(answers);
            queue.completeAll(answered);
            return decided;
        });
        triaged.decided().forEach((item, decision) -> {
            if (!triaged.deferred().contains(item)) { // the deferred acknowledge when they run
                triage.acknowledgeButton(tenant, decision.loaded());
            }
        });
        List<WorkItem> left = new ArrayList<>(triaged.deferred());
        left.sort(Comparator.comparingLong(WorkItem::id));
        return left;
    }

    private Triaged triageAll(List<WorkItem> items, Map<UUID, InboundReads.InboundRow> rows, TenantRef tenant) {
        AgentSettings settings = agentSettings.current();
        Map<WorkItem, Decision> decided = new LinkedHashMap<>();
        List<WorkItem> deferred = new ArrayList<>();
        Set<UUID> handedOver = new HashSet<>(); // read before this group handed them over
        for (WorkItem item : items.stream().sorted(Comparator.comparingLong(WorkItem::id)).toList()) {
            InboundReads.InboundRow row = rows.get(item.refId());
            if (row != null && (row.behindEarlier() || handedOver.contains(row.conversationId()))) {
                deferred.add(item); // runs alone, where it waits for the earlier message
                continue;
            }
            Decision decision = triage.decide(row, tenant, () -> settings);
            decided.put(item, decision);
            if (decision.handedOver()) {
                handedOver.add(row.conversationId());
            }
        }
        queue.completeAll(decided.entrySet().stream().filter(e -> e.getValue().done()).map(Map.Entry::getKey).toList());
        return new Triaged(decided, deferred);
    }
}
