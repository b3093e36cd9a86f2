package dev.switchboard.agent.knowledge;

import java.time.Instant;
import java.util.UUID;

/**
 * A document of the tenant's knowledge.
 *
 * @param content   the text as given; null in lists
 * @param sizeBytes the content's UTF-8 size
 * @param chunks    how many passages it was cut into
 */
public record KnowledgeDocument(UUID id, String title, DocumentFormat format, String content, int sizeBytes, int chunks,
                                String embeddingModel, Instant createdAt, Instant updatedAt) {
}
