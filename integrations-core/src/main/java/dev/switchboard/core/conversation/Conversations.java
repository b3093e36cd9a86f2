package dev.switchboard.core.conversation;

import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.audit.AuditLog;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading conversations, messages and contacts of the tenant in context; hand-off and erasure. */
@Service
@Transactional(readOnly = true)
public class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ContactRepository contacts;
    private final AuditLog audit;

    public Conversations(ConversationRepository conversations, MessageRepository messages, ContactRepository contacts,
                         AuditLog audit) {
        this.conversations = conversations;
        this.messages = messages;
        this.contacts = contacts;
        this.audit = audit;
    }

    public Message message(UUID id) {
        return messages.findById(id).orElseThrow(() -> new NotFoundException("message " + id));
    }

    public Page<Conversation> search(UUID integrationId, String q, int page, int size) {
        String query = q == null || q.isBlank() ? null : q.trim();
        return conversations.findAll(ConversationSearch.of(integrationId, query), PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("lastMessageAt").nullsLast(), Sort.Order.desc("createdAt"))));
    }

    public Conversation conversation(UUID id) {
        return conversations.findById(id).orElseThrow(() -> new NotFoundException("conversation " + id));
    }

    public Page<Message> messages(UUID conversationId, int page, int size) {
        conversation(conversationId);
        return messages.findByConversationIdOrderByCreatedAtAsc(conversationId, PageRequest.of(page, size));
    }

    @Transactional
    public Conversation handOff(UUID conversationId, String mode) {
        if (!Conversation.BOT.equals(mode) && !Conversation.HUMAN.equals(mode)) {
            throw InvalidInputException.of("mode", "must be bot or human");
        }
        Conversation conversation = conversation(conversationId);
        conversation.switchTo(mode);
        return conversation;
    }

    public Page<Contact> contacts(int page, int size) {
        return contacts.findAllByOrderByCreatedAtDesc(PageRequest.of(page, size));
    }

    public Contact contact(UUID id) {
        return contacts.findById(id).orElseThrow(() -> new NotFoundException("contact " + id));
    }

    /** Erases a person: the contact, their conversations and every message in them. */
    @Transactional
    public void erase(UUID contactId) {
        Contact contact = contact(contactId);
        long erasedMessages = messages.countByContact(contactId);
        contacts.delete(contact);
        audit.record("contact.erased", "contact", contactId, Map.of("integrationId", contact.getIntegrationId().toString(),
                "messages", erasedMessages));
        log.info("contact erased contact={} integration={}", contactId, contact.getIntegrationId());
    }
}
