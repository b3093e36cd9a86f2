package dev.switchboard.core.integration;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Integrations of the tenant in context (the session's schema decides which tenant). */
public interface IntegrationRepository extends JpaRepository<Integration, UUID> {

    Page<Integration> findAllByOrderByCreatedAtAsc(Pageable pageable);

    List<Integration> findByStatus(IntegrationStatus status);
}
