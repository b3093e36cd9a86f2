package dev.switchboard.core.conversation;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ConversationRepository extends JpaRepository<Conversation, UUID> {

    /** Newest first; {@code q} matches the contact's name, username, phone, the chat id or a message text. */
    @Query("""
            select c from Conversation c
            where (:integrationId is null or c.integrationId = :integrationId)
              and (:q is null
                   or c.chatId like concat('%', :q, '%')
                   or exists (select 1 from Contact p where p.id = c.contactId
                              and (lower(p.displayName) like lower(concat('%', :q, '%'))
                                   or lower(p.username) like lower(concat('%', :q, '%'))
                                   or p.phone like concat('%', :q, '%')))
                   or exists (select 1 from Message m where m.conversationId = c.id
                              and lower(m.text) like lower(concat('%', :q, '%'))))
            order by c.lastMessageAt desc nulls last, c.createdAt desc
            """)
    Page<Conversation> search(UUID integrationId, String q, Pageable pageable);
}
