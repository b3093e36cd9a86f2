package dev.switchboard.agent.knowledge;

import java.time.Instant;
import java.util.UUID;

/**
 * A document of the tenant's knowledge.
 *
 * @param content       the text as given; null in lists
 * @param sizeBytes     the content's UTF-8 size
 * @param chunks        how many passages it is cut into
 * @param indexedChunks how many of them are embedded and searchable (fewer while a large document is indexed)
 */
public record KnowledgeDocument(UUID id, String title, DocumentFormat format, String content, int sizeBytes, int chunks,
                                int indexedChunks, String embeddingModel, Instant createdAt, Instant updatedAt) {

    public static final String READY = "ready";
    public static final String INDEXING = "indexing";

    /** {@code ready} when every passage is searchable, else {@code indexing}. */
    public String status() {
        return indexedChunks >= chunks ? READY : INDEXING;
    }
}
