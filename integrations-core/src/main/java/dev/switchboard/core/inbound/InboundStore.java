package dev.switchboard.core.inbound;

import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.IntegrationStateChange;
import dev.switchboard.core.channel.RemoteChange;
import dev.switchboard.core.conversation.ConversationSignals;
import dev.switchboard.core.conversation.ConversationWriter;
import dev.switchboard.core.integration.IntegrationCounters;
import dev.switchboard.core.outbound.DeliveryReceipts;
import dev.switchboard.core.queue.WorkKinds;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.support.Json;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores normalized inbound events in the tenant's schema and enqueues their processing, all in
 * one transaction: once it commits, nothing of the delivery can be lost, and a redelivery of the
 * same event is a no-op (de-duplicated on the integration and the provider's delivery id).
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

    public InboundStore(JdbcClient jdbc, WorkQueue queue, IntegrationCounters counters, DeliveryReceipts receipts,
                        ConversationWriter conversations, IntegrationStates states, ConversationSignals signals) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.states = states;
        this.signals = signals;
        this.queue = queue;
        this.counters = counters;
        this.receipts = receipts;
    }

    /** @return how many events were new (the rest were redeliveries) */
    @Transactional
    public int store(UUID integrationId, List<InboundEvent> events) {
        TenantRef tenant = TenantContext.require();
        int stored = 0;
        int messages = 0;
        for (InboundEvent event : events) {
            if (event instanceof InboundMessage message) {
                Optional<UUID> id = storeMessage(integrationId, message);
                if (id.isPresent()) {
                    queue.enqueue(tenant.id(), WorkKinds.INBOUND, id.get());
                    stored++;
                    messages++;
                }
            } else if (event instanceof DeliveryReceipt receipt && receipts.record(integrationId, receipt)) {
                stored++;
            } else if (event instanceof RemoteChange) {
                queue.enqueue(tenant.id(), WorkKinds.SYNCHRONIZE, integrationId);
                stored++;
            } else if (event instanceof IntegrationStateChange change) {
                states.apply(integrationId, change);
                stored++;
            }
        }
        if (messages > 0) {
            counters.received(integrationId, messages);
        }
        return stored;
    }

    private Optional<UUID> storeMessage(UUID integrationId, InboundMessage message) {
        if (alreadyStored(integrationId, message.dedupKey())) {
            return Optional.empty();
        }
        UUID contactId = conversations.contact(integrationId, message.sender());
        UUID conversationId = conversations.conversation(integrationId, contactId, message.chatId());
        Optional<UUID> stored = jdbc.sql("""
                INSERT INTO message (id, conversation_id, integration_id, direction, external_id, provider_message_id,
                                     kind, text, payload, status)
                VALUES (:id, :conversation, :integration, 'in', :external, :providerId, :kind, :text, :payload::jsonb,
                        'received')
                ON CONFLICT (integration_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
                RETURNING id
                """)
                .param("id", UUID.randomUUID())
                .param("conversation", conversationId)
                .param("integration", integrationId)
                .param("external", message.dedupKey())
                .param("providerId", message.providerMessageId())
                .param("kind", message.kind().wireName())
                .param("text", message.text())
                .param("payload", Json.write(message.payload()))
                .query(UUID.class)
                .optional();
        stored.ifPresent(id -> signals.changed(conversationId));
        return stored;
    }

    private boolean alreadyStored(UUID integrationId, String dedupKey) {
        return jdbc.sql("SELECT 1 FROM message WHERE integration_id = :integration AND external_id = :external")
                .param("integration", integrationId)
                .param("external", dedupKey)
                .query(Integer.class)
                .optional()
                .isPresent();
    }
}
