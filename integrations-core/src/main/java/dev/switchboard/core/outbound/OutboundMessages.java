package dev.switchboard.core.outbound;

import static dev.switchboard.core.support.SqlArrays.texts;
import static dev.switchboard.core.support.SqlArrays.uuids;

import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.conversation.Conversation;
import dev.switchboard.core.conversation.ConversationRepository;
import dev.switchboard.core.conversation.ConversationSignals;
import dev.switchboard.core.conversation.ConversationWriter;
import dev.switchboard.core.conversation.Message;
import dev.switchboard.core.conversation.MessageRepository;
import dev.switchboard.core.conversation.MessageStatus;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.queue.WorkKinds;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts outbound messages: validates them against the channel, stores them as {@code queued}
 * and enqueues their delivery in the same transaction. An idempotency key seen in the last 24
 * hours returns the first message and sends nothing again.
 */
@Service
public class OutboundMessages {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /** @param created false when an idempotency key matched an earlier message */
    public record Accepted(Message message, boolean created) {
    }

    private final ChannelRegistry channels;
    private final IntegrationRepository integrations;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationWriter writer;
    private final WorkQueue queue;
    private final TransactionTemplate tx;
    private final ConversationSignals signals;
    private final JdbcClient jdbc;

    public OutboundMessages(ChannelRegistry channels, IntegrationRepository integrations,
                            ConversationRepository conversations, MessageRepository messages,
                            ConversationWriter writer, WorkQueue queue, TransactionTemplate tx,
                            ConversationSignals signals, JdbcClient jdbc) {
        this.channels = channels;
        this.integrations = integrations;
        this.conversations = conversations;
        this.messages = messages;
        this.writer = writer;
        this.queue = queue;
        this.tx = tx;
        this.signals = signals;
        this.jdbc = jdbc;
    }

    public Accepted send(NewOutbound request) {
        try {
            return tx.execute(status -> sendInTransaction(request));
        } catch (DataIntegrityViolationException e) {
            // a concurrent request with the same idempotency key won the race
            return tx.execute(status -> earlier(request.idempotencyKey()).map(m -> new Accepted(m, false)))
                    .orElseThrow(() -> e);
        }
    }

    /** A reply from a person in an existing conversation (API or UI); the agent then stays quiet. */
    public Accepted reply(UUID conversationId, String text) {
        return tx.execute(status -> {
            Conversation conversation = conversations.findById(conversationId)
                    .orElseThrow(() -> new NotFoundException("conversation " + conversationId));
            conversation.switchTo(Conversation.HUMAN);
            return sendInTransaction(NewOutbound.text(conversation.getIntegrationId(), conversation.getChatId(), text));
        });
    }

    /** Replies within the caller's transaction (agent and workflows): no separate commit. */
    public Message enqueueInCurrentTransaction(NewOutbound request) {
        return sendInTransaction(request).message();
    }

    /** A text reply in a conversation its caller has just read (the agent's, a hand-off's). */
    public record ConversationReply(UUID conversationId, UUID integrationId, String integrationType, String text) {
    }

    /**
     * Replies within the caller's transaction to conversations it has just read: one insert for
     * all of them and one update of their conversations, without looking up the integration or
     * upserting the contact and conversation as a message to any recipient needs. Each agent reply
     * used to cost five statements and a Hibernate flush. The conversations are locked first, in
     * the order every writer uses (integration, chat): inserting the messages first would take
     * their foreign-key locks in any order, and two groups upgrading them deadlocked.
     */
    public void replyInConversations(List<ConversationReply> replies) {
        if (replies.isEmpty()) {
            return;
        }
        replies.forEach(reply -> validate(NewOutbound.text(reply.integrationId(), null, reply.text()),
                channels.require(reply.integrationType()).capabilities()));
        List<UUID> conversationIds = replies.stream().map(ConversationReply::conversationId).distinct().toList();
        jdbc.sql("""
                UPDATE conversation c SET last_message_at = clock_timestamp()
                FROM (SELECT id FROM conversation WHERE id = ANY(:ids) ORDER BY integration_id, chat_id FOR NO KEY UPDATE) locked
                WHERE c.id = locked.id
                """)
                .param("ids", uuids(conversationIds))
                .update();
        List<UUID> ids = replies.stream().map(reply -> UUID.randomUUID()).toList();
        jdbc.sql("""
                INSERT INTO message (id, conversation_id, integration_id, direction, kind, text, payload, status,
                                     created_at, updated_at)
                SELECT r.id, r.conversation_id, r.integration_id, 'out', :kind, r.text, '{}', :status,
                       clock_timestamp(), clock_timestamp()
                FROM unnest(:ids, :conversations, :integrations, :texts) AS r (id, conversation_id, integration_id, text)
                """)
                .param("kind", MessageKind.TEXT.wireName())
                .param("status", MessageStatus.QUEUED.wireName())
                .param("ids", uuids(ids))
                .param("conversations", uuids(replies.stream().map(ConversationReply::conversationId).toList()))
                .param("integrations", uuids(replies.stream().map(ConversationReply::integrationId).toList()))
                .param("texts", texts(replies.stream().map(ConversationReply::text).toList()))
                .update();
        queue.enqueueAll(TenantContext.require().id(), WorkKinds.SEND, ids);
        conversationIds.forEach(signals::changed);
    }

    private Accepted sendInTransaction(NewOutbound request) {
        if (request.idempotencyKey() != null) {
            Optional<Message> earlier = earlier(request.idempotencyKey());
            if (earlier.isPresent()) {
                return new Accepted(earlier.get(), false);
            }
        }
        Integration integration = integrations.findById(request.integrationId())
                .orElseThrow(() -> new NotFoundException("integration " + request.integrationId()));
        IntegrationService.requireEnabled(integration);
        ChannelProvider provider = channels.require(integration.getType());
        String to = provider.normalizeRecipient(request.to());
        validate(request, provider.capabilities());

        UUID contactId = writer.contact(integration.getId(), new InboundMessage.Sender(to, null, null, null, null));
        UUID conversationId = writer.conversation(integration.getId(), contactId, to);
        Message message = Message.outbound(conversationId, integration.getId(), OutboundPayload.kind(request).wireName(),
                request.text(), OutboundPayload.of(request), request.idempotencyKey());
        messages.saveAndFlush(message);
        queue.enqueue(TenantContext.require().id(), WorkKinds.SEND, message.getId());
        signals.changed(conversationId);
        return new Accepted(message, true);
    }

    /** A message sent with this key within the window; an older holder of the key gives it up. */
    private Optional<Message> earlier(String idempotencyKey) {
        Optional<Message> found = messages.findByIdempotencyKey(idempotencyKey);
        if (found.isPresent() && found.get().getCreatedAt().isBefore(Instant.now().minus(IDEMPOTENCY_WINDOW))) {
            messages.releaseIdempotencyKey(found.get().getId());
            return Optional.empty();
        }
        return found;
    }

    private static void validate(NewOutbound request, ChannelCapabilities capabilities) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        int contents = (request.media() != null ? 1 : 0) + (request.location() != null ? 1 : 0)
                + (request.contact() != null ? 1 : 0);
        boolean hasText = request.text() != null && !request.text().isBlank();
        if (contents == 0 && !hasText) {
            errors.add(new InvalidInputException.FieldError("text", "a message needs text, media, location or contact"));
        }
        if (contents > 1) {
            errors.add(new InvalidInputException.FieldError("media", "send media, location and contact as separate messages"));
        }
        if (hasText && request.media() == null && request.text().length() > capabilities.maxTextLength()) {
            errors.add(new InvalidInputException.FieldError("text",
                    "longer than this channel's limit of " + capabilities.maxTextLength() + " characters"));
        }
        if (request.buttons() != null && !request.buttons().isEmpty() && !hasText) {
            errors.add(new InvalidInputException.FieldError("buttons", "buttons need a text to go with"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
