package dev.switchboard.core.integration;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Integrations of the tenant in context (the session's schema decides which tenant). */
public interface IntegrationRepository extends JpaRepository<Integration, UUID> {

    Page<Integration> findAllByOrderByCreatedAtAsc(Pageable pageable);

    List<Integration> findByStatus(IntegrationStatus status);

    /** Rows of (type, status, count). */
    @Query("select i.type, i.status, count(i) from Integration i group by i.type, i.status")
    List<Object[]> countByTypeAndStatus();
}
