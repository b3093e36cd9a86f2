package dev.switchboard.core.conversation;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactRepository extends JpaRepository<Contact, UUID> {

    Page<Contact> findAllByOrderByCreatedAtDesc(Pageable pageable);
}
