package dev.switchboard.core.inbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * Processes stored inbound messages ({@link InboundTriage} decides what each needs). Everything
 * before the agent is one transaction (most messages end there); both transactions are
 * {@link WorkTransactions}, since the item runs again if either is lost; the agent is called
 * outside any transaction, and its replies are enqueued in the same transaction that completes
 * the item, so a crash can make the agent think twice but never makes it answer twice. When
 * several of a tenant's messages wait and its agent answers at once, a worker takes them together
 * ({@link #handleAll}): one transaction triages them all, one records the replies.
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
        boolean immediate = immediateAgent.get(item.tenantId(), tenant -> agents
                .byKind(tx.execute(status -> agentSettings.current().kind()))
                .map(AgentService::immediate).orElse(true));
        return immediate ? GROUP_SIZE : 1;
    }

    @Override
    public void handle(WorkItem item) throws Exception {
        TenantRef tenant = TenantContext.require();
        Decision decision = tx.execute(status -> {
            Decision decided = triage.decide(reads.message(item.refId()).orElse(null), tenant, agentSettings::current);
            if (decided.done()) {
                queue.complete(item);
            }
            return decided;
        });
        triage.acknowledgeButton(tenant, decision.loaded());
        if (decision.done()) {
            return;
        }
        AgentReply reply = decision.agent().reply(decision.request());
        tx.executeWithoutResult(status -> {
            triage.record(decision.loaded(), reply);
            queue.complete(item);
        });
    }

    /** A message the agent answered, to record. */
    private record Answered(Decision decision, AgentReply reply) {
    }

    /** A group's triage: what was decided, and what waits to run one by one. */
    private record Triaged(Map<WorkItem, Decision> decided, List<WorkItem> deferred) {
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
        triaged.decided().forEach((item, decision) -> {
            triage.acknowledgeButton(tenant, decision.loaded());
            if (!decision.done()) {
                try {
                    answered.put(item, new Answered(decision, decision.agent().reply(decision.request())));
                } catch (Exception e) {
                    log.info("agent failed in a group, message={} runs alone: {}",
                            decision.loaded().message().messageId(), e.toString());
                    left.add(item);
                }
            }
        });
        if (!answered.isEmpty()) {
            try {
                tx.executeWithoutResult(status -> {
                    triage.record(answered.values().stream()
                            .map(a -> new InboundTriage.Answer(a.decision().loaded(), a.reply())).toList());
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

    private Triaged triageAll(List<WorkItem> items, TenantRef tenant) {
        Map<UUID, InboundReads.InboundRow> rows = reads.messages(items.stream().map(WorkItem::refId).toList());
        AgentSettings settings = agentSettings.current();
        Map<WorkItem, Decision> decided = new LinkedHashMap<>();
        List<WorkItem> deferred = new ArrayList<>();
        Set<UUID> handedOver = new HashSet<>(); // read before this group handed them over
        for (WorkItem item : items.stream().sorted(Comparator.comparingLong(WorkItem::id)).toList()) {
            InboundReads.InboundRow row = rows.get(item.refId());
            if (row != null && handedOver.contains(row.conversationId())) {
                deferred.add(item);
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
