package dev.switchboard.core.conversation;

import dev.switchboard.core.support.JsonMapConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One message in a conversation, inbound or outbound. Tenant schema. The paths every message
 * takes write it with plain SQL instead: storing inbound ones ({@code InboundStore}), marking a
 * send {@code sending} and {@code sent} ({@code SendHandler}), applying receipts
 * ({@code DeliveryReceipts}).
 */
@Entity
@Table(name = "message")
public class Message {

    public static final String IN = "in";
    public static final String OUT = "out";

    @Id
    private UUID id;
    @Column(name = "conversation_id")
    private UUID conversationId;
    @Column(name = "integration_id")
    private UUID integrationId;
    private String direction;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "provider_message_id")
    private String providerMessageId;
    private String kind;
    private String text;
    @Convert(converter = JsonMapConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    private Map<String, Object> payload;
    private String status;
    private int attempts;
    private String error;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    @Column(name = "read_at")
    private Instant readAt;

    protected Message() {
    }

    /** A new outbound message, queued. */
    public static Message outbound(UUID conversationId, UUID integrationId, String kind, String text,
                                   Map<String, Object> payload, String idempotencyKey) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.conversationId = conversationId;
        message.integrationId = integrationId;
        message.direction = OUT;
        message.kind = kind;
        message.text = text;
        message.payload = payload;
        message.idempotencyKey = idempotencyKey;
        message.status = MessageStatus.QUEUED.wireName();
        message.createdAt = Instant.now();
        message.updatedAt = message.createdAt;
        return message;
    }

    /** A retryable failure: back in the queue, with the reason kept for whoever looks. */
    public void requeued(String reason) {
        status = MessageStatus.QUEUED.wireName();
        error = reason;
        touch();
    }

    public void failed(String reason) {
        status = MessageStatus.FAILED.wireName();
        error = reason;
        touch();
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getConversationId() {
        return conversationId;
    }

    public UUID getIntegrationId() {
        return integrationId;
    }

    public String getDirection() {
        return direction;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getProviderMessageId() {
        return providerMessageId;
    }

    public String getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public Map<String, Object> getPayload() {
        return payload == null ? Map.of() : payload;
    }

    public MessageStatus getStatus() {
        return MessageStatus.fromWireName(status);
    }

    public int getAttempts() {
        return attempts;
    }

    public String getError() {
        return error;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
