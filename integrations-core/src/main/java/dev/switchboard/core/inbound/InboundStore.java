package dev.switchboard.core.inbound;

import static dev.switchboard.core.support.SqlArrays.texts;
import static dev.switchboard.core.support.SqlArrays.uuids;

import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.IntegrationStateChange;
import dev.switchboard.core.channel.RemoteChange;
import dev.switchboard.core.conversation.ConversationSignals;
import dev.switchboard.core.conversation.ConversationWriter;
import dev.switchboard.core.integration.IntegrationCounters;
import dev.switchboard.core.outbound.DeliveryReceipts;
import dev.switchboard.core.queue.WorkDispatcher;
import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.queue.WorkKinds;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.support.Json;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.conversation.ConversationWriter.Key;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores normalized inbound events in the tenant's schema and enqueues their processing: once it
 * returns, nothing of the delivery can be lost, and a redelivery of the same event is a no-op
 * (de-duplicated on the integration and the provider's delivery id).
 */
@Component
public class InboundStore {

    private final JdbcClient jdbc;
    private final WorkQueue queue;
    private final IntegrationCounters counters;
    private final DeliveryReceipts receipts;
    private final ConversationWriter conversations;
    private final IntegrationStates states;
    private final ConversationSignals signals;
    private final InboundInsert insert;
    private final TransactionTemplate tx;
    private final WorkDispatcher dispatcher;

    public InboundStore(JdbcClient jdbc, InboundInsert insert, TransactionTemplate tx, WorkQueue queue,
                        WorkDispatcher dispatcher, IntegrationCounters counters, DeliveryReceipts receipts,
                        ConversationWriter conversations, IntegrationStates states, ConversationSignals signals) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.tx = tx;
        this.insert = insert;
        this.conversations = conversations;
        this.states = states;
        this.signals = signals;
        this.queue = queue;
        this.counters = counters;
        this.receipts = receipts;
    }

    /**
     * One webhook's (or one poll's) events for one integration.
     *
     * @param receivedAt when it reached us, the time its messages are stored with; null: now
     */
    public record Delivery(UUID integrationId, List<InboundEvent> events, Instant receivedAt) {
    }

    /** A message of one of the deliveries being stored. */
    private record Arrival(int delivery, UUID integrationId, InboundMessage message, Instant receivedAt) {

        Key sender() {
            return new Key(integrationId, message.sender().externalId());
        }

        Key chat() {
            return new Key(integrationId, message.chatId());
        }
    }

    /** @return how many events were new (the rest were redeliveries) */
    public int store(UUID integrationId, List<InboundEvent> events) {
        return storeAll(List.of(new Delivery(integrationId, events, null)))[0];
    }

    /**
     * Stores several deliveries (a group commit): their messages with one statement that commits
     * by itself, whatever their number; what that statement leaves, and every other kind of event,
     * in one transaction after it. Each is durable when this returns; a failure after the
     * statement leaves its messages stored, and a retry finds them stored.
     *
     * @return for each delivery, how many of its events were new
     */
    public int[] storeAll(List<Delivery> deliveries) {
        TenantRef tenant = TenantContext.require();
        int[] stored = new int[deliveries.size()];
        List<Arrival> arrivals = arrivals(deliveries);
        List<Arrival> left = storeInOneStatement(tenant, arrivals, stored);
        if (!left.isEmpty() || hasOtherEvents(deliveries)) {
            tx.executeWithoutResult(status -> {
                storeStepByStep(tenant, left).forEach(a -> stored[a.delivery()]++);
                storeOtherEvents(tenant, deliveries, stored);
            });
        }
        return stored;
    }

    /**
     * Stores inbox deliveries of the tenant in context ({@link InboxMover}): their messages by one
     * statement that reads them from the inbox rows itself, so the JVM never parses them; the rows
     * with other events, and all of them when the statement left a message, through {@link #storeAll}
     * after it (which finds the messages stored before as such).
     *
     * @return for each row, how many of its events were new
     */
    int[] storeFromInbox(List<InboxRows.Row> rows) {
        TenantRef tenant = TenantContext.require();
        List<Long> inboxIds = rows.stream().map(InboxRows.Row::id).toList();
        InboundInsert.Moved moved = handOver(worker -> insert.insertFromInbox(tenant, inboxIds, worker),
                result -> result.stored().stream().map(InboundInsert.FromInbox::message).toList());
        Map<Long, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowOf.put(inboxIds.get(i), i);
        }
        int[] stored = new int[rows.size()];
        moved.stored().forEach(message -> stored[rowOf.get(message.inboxId())]++);
        List<Integer> inJvm = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (moved.leftSome() || rows.get(i).otherEvents()) {
                inJvm.add(i);
            }
        }
        if (!inJvm.isEmpty()) {
            int[] more = storeAll(inJvm.stream().map(i -> rows.get(i).delivery()).toList());
            for (int j = 0; j < more.length; j++) {
                stored[inJvm.get(j)] += more[j];
            }
        }
        return stored;
    }

    private static boolean hasOtherEvents(List<Delivery> deliveries) {
        return deliveries.stream().anyMatch(d -> InboxEvents.otherThanMessages(d.events()));
    }

    /** Delivery receipts, remote changes and state changes, in the caller's transaction. */
    private void storeOtherEvents(TenantRef tenant, List<Delivery> deliveries, int[] stored) {
        for (int d = 0; d < deliveries.size(); d++) {
            Delivery delivery = deliveries.get(d);
            for (InboundEvent event : delivery.events()) {
                if (event instanceof DeliveryReceipt receipt && receipts.record(delivery.integrationId(), receipt)) {
                    stored[d]++;
                } else if (event instanceof RemoteChange) {
                    queue.enqueue(tenant.id(), WorkKinds.SYNCHRONIZE, delivery.integrationId());
                    stored[d]++;
                } else if (event instanceof IntegrationStateChange change) {
                    states.apply(delivery.integrationId(), change);
                    stored[d]++;
                }
            }
        }
    }

    /** The messages of the deliveries, each delivery id once (two deliveries of one update may meet here). */
    private static List<Arrival> arrivals(List<Delivery> deliveries) {
        Set<Key> seen = new HashSet<>();
        List<Arrival> arrivals = new ArrayList<>();
        for (int d = 0; d < deliveries.size(); d++) {
            Delivery delivery = deliveries.get(d);
            for (InboundEvent event : delivery.events()) {
                if (event instanceof InboundMessage message && seen.add(new Key(delivery.integrationId(), message.dedupKey()))) {
                    arrivals.add(new Arrival(d, delivery.integrationId(), message, delivery.receivedAt()));
                }
            }
        }
        return arrivals;
    }

    /**
     * Stores the messages not stored before, with their contacts and conversations, and enqueues
     * their processing, with one statement ({@link InboundInsert}) that has committed when this
     * returns; counts them in {@code stored}, by delivery. When a worker of this node is idle, their
     * work items are written leased to it and handed to it.
     *
     * @return the arrivals it left: redeliveries and, rarely, messages of a contact created meanwhile
     */
    private List<Arrival> storeInOneStatement(TenantRef tenant, List<Arrival> arrivals, int[] stored) {
        if (arrivals.isEmpty()) {
            return arrivals;
        }
        List<UUID> ids = arrivals.stream().map(a -> UUID.randomUUID()).toList();
        List<InboundInsert.Row> rows = arrivals.stream()
                .map(a -> new InboundInsert.Row(a.integrationId(), a.message(), a.receivedAt())).toList();
        Map<UUID, InboundInsert.Stored> inserted = handOver(worker -> insert.insert(tenant, rows, ids, worker), Map::values);
        List<Arrival> left = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            if (inserted.containsKey(ids.get(i))) {
                stored[arrivals.get(i).delivery()]++;
            } else {
                left.add(arrivals.get(i));
            }
        }
        return left;
    }

    /**
     * Runs a group statement with an idle worker of this node reserved, if there is one, and hands
     * it the work items written leased to it (else wakes the dispatcher); signals the conversations.
     *
     * @param storedOf the messages the statement's result says it stored
     * @return the statement's result
     */
    private <R> R handOver(Function<WorkDispatcher.Reservation, R> statement,
                           Function<R, Collection<InboundInsert.Stored>> storedOf) {
        try (WorkDispatcher.Reservation worker = dispatcher.reserveWorker().orElse(null)) { // closed unused if this fails
            R result = statement.apply(worker);
            Collection<InboundInsert.Stored> stored = storedOf.apply(result);
            // in the order they were queued, the messages' own (a worker takes them as given)
            List<WorkItem> items = stored.stream().map(InboundInsert.Stored::item)
                    .sorted(Comparator.comparingLong(WorkItem::id)).toList();
            stored.forEach(message -> signals.changed(message.conversationId()));
            if (worker != null) {
                worker.run(items);
            } else if (!items.isEmpty()) {
                queue.signalAfterCommit();
            }
            return result;
        }
    }

    /**
     * The same with one statement per table, for what the single statement left: redeliveries
     * (stopped by the first statement here) and, rarely, a contact created meanwhile by another
     * transaction.
     */
    private List<Arrival> storeStepByStep(TenantRef tenant, List<Arrival> arrivals) {
        List<Arrival> fresh = notStoredYet(arrivals);
        if (fresh.isEmpty()) {
            return fresh;
        }
        Map<Key, InboundMessage.Sender> senders = new HashMap<>();
        fresh.forEach(a -> senders.put(a.sender(), a.message().sender()));
        Map<Key, UUID> contacts = conversations.contacts(senders);
        Map<Key, UUID> contactByChat = new HashMap<>();
        fresh.forEach(a -> contactByChat.putIfAbsent(a.chat(), contacts.get(a.sender())));
        Map<Key, UUID> conversationIds = conversations.conversations(contactByChat);

        List<UUID> ids = fresh.stream().map(a -> UUID.randomUUID()).toList();
        Set<UUID> inserted = new HashSet<>(jdbc.sql("""
                INSERT INTO message (id, conversation_id, integration_id, direction, external_id, provider_message_id,
                                     kind, text, payload, status, created_at, updated_at)
                SELECT m.id, m.conversation_id, m.integration_id, 'in', m.external_id, m.provider_message_id,
                       m.kind, m.text, m.payload::jsonb, 'received', coalesce(m.received_at::timestamptz, clock_timestamp()),
                       clock_timestamp()
                FROM unnest(:ids, :conversations, :integrations, :externals, :providerIds, :kinds, :texts, :payloads,
                            :receivedAts)
                     AS m (id, conversation_id, integration_id, external_id, provider_message_id, kind, text, payload,
                           received_at)
                ON CONFLICT (integration_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
                RETURNING id
                """)
                .param("ids", uuids(ids))
                .param("conversations", uuids(fresh.stream().map(a -> conversationIds.get(a.chat())).toList()))
                .param("integrations", uuids(fresh.stream().map(Arrival::integrationId).toList()))
                .param("externals", texts(fresh.stream().map(a -> a.message().dedupKey()).toList()))
                .param("providerIds", texts(fresh.stream().map(a -> a.message().providerMessageId()).toList()))
                .param("kinds", texts(fresh.stream().map(a -> a.message().kind().wireName()).toList()))
                .param("texts", texts(fresh.stream().map(a -> a.message().text()).toList()))
                .param("payloads", texts(fresh.stream().map(a -> Json.write(a.message().payload())).toList()))
                .param("receivedAts", texts(fresh.stream().map(a -> InboundInsert.text(a.receivedAt())).toList()))
                .query(UUID.class)
                .list());

        List<Arrival> stored = new ArrayList<>();
        List<UUID> storedIds = new ArrayList<>();
        Map<UUID, Integer> perIntegration = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            if (inserted.contains(ids.get(i))) {
                Arrival arrival = fresh.get(i);
                stored.add(arrival);
                storedIds.add(ids.get(i));
                perIntegration.merge(arrival.integrationId(), 1, Integer::sum);
                signals.changed(conversationIds.get(arrival.chat()));
            }
        }
        queue.enqueueAll(tenant.id(), WorkKinds.INBOUND, storedIds);
        counters.received(perIntegration);
        return stored;
    }

    /**
     * The arrivals whose delivery id is not stored yet. A redelivery stops here, before it
     * touches its contact or conversation; the insert's {@code ON CONFLICT} still settles races.
     */
    private List<Arrival> notStoredYet(List<Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            return arrivals;
        }
        Set<Key> stored = new HashSet<>(jdbc.sql("""
                SELECT m.integration_id, m.external_id
                FROM message m JOIN unnest(:integrations, :externals) AS k (integration_id, external_id)
                     USING (integration_id, external_id)
                WHERE m.external_id IS NOT NULL
                """)
                .param("integrations", uuids(arrivals.stream().map(Arrival::integrationId).toList()))
                .param("externals", texts(arrivals.stream().map(a -> a.message().dedupKey()).toList()))
                .query((rs, n) -> new Key(rs.getObject(1, UUID.class), rs.getString(2)))
                .list());
        return stored.isEmpty() ? arrivals : arrivals.stream()
                .filter(a -> !stored.contains(new Key(a.integrationId(), a.message().dedupKey())))
                .toList();
    }
}
