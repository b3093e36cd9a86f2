package dev.switchboard.core.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface MessageRepository extends JpaRepository<Message, UUID> {

    Optional<Message> findByIdempotencyKey(String idempotencyKey);

    Page<Message> findByConversationIdOrderByCreatedAtAsc(UUID conversationId, Pageable pageable);

    List<Message> findTop20ByConversationIdOrderByCreatedAtDesc(UUID conversationId);

    @Query("select count(m) from Message m where m.conversationId in (select c.id from Conversation c where c.contactId = ?1)")
    long countByContact(UUID contactId);

    @Modifying
    @Query("update Message m set m.idempotencyKey = null where m.id = ?1")
    void releaseIdempotencyKey(UUID id);
}
