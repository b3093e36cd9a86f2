package dev.switchboard.core.conversation;

import jakarta.persistence.criteria.Subquery;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/** The conversation list's filters: an integration, and a text matched against the contact, the chat and the messages. */
final class ConversationSearch {

    private ConversationSearch() {
    }

    static Specification<Conversation> of(UUID integrationId, String q) {
        Specification<Conversation> spec = (root, query, cb) -> cb.conjunction();
        if (integrationId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("integrationId"), integrationId));
        }
        if (q != null) {
            spec = spec.and(matching("%" + q.toLowerCase(Locale.ROOT) + "%"));
        }
        return spec;
    }

    private static Specification<Conversation> matching(String pattern) {
        return (root, query, cb) -> {
            Subquery<Integer> contact = query.subquery(Integer.class);
            var person = contact.from(Contact.class);
            contact.select(cb.literal(1)).where(cb.equal(person.get("id"), root.get("contactId")), cb.or(
                    cb.like(cb.lower(person.get("displayName")), pattern),
                    cb.like(cb.lower(person.get("username")), pattern),
                    cb.like(person.get("phone"), pattern)));
            Subquery<Integer> message = query.subquery(Integer.class);
            var text = message.from(Message.class);
            message.select(cb.literal(1)).where(cb.equal(text.get("conversationId"), root.get("id")),
                    cb.like(cb.lower(text.get("text")), pattern));
            return cb.or(cb.like(root.get("chatId"), pattern), cb.exists(contact), cb.exists(message));
        };
    }
}
