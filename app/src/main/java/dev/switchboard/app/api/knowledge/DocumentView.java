package dev.switchboard.app.api.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.agent.knowledge.KnowledgeDocument;
import java.time.Instant;
import java.util.UUID;

/**
 * A knowledge document as the API shows it; {@code content} only when one document is read.
 *
 * @param status        {@code ready}, or {@code indexing} while a large document is embedded in the background
 * @param chunks        how many passages it is cut into
 * @param indexedChunks how many of them are searchable so far
 */
record DocumentView(UUID id, String title, String format, String status, int sizeBytes, int chunks, int indexedChunks,
                    String embeddingModel, Instant createdAt, Instant updatedAt,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String content) {

    static DocumentView of(KnowledgeDocument d) {
        return new DocumentView(d.id(), d.title(), d.format().wireName(), d.status(), d.sizeBytes(), d.chunks(),
                d.indexedChunks(), d.embeddingModel(), d.createdAt(), d.updatedAt(), d.content());
    }

    static DocumentView summary(KnowledgeDocument d) {
        return new DocumentView(d.id(), d.title(), d.format().wireName(), d.status(), d.sizeBytes(), d.chunks(),
                d.indexedChunks(), d.embeddingModel(), d.createdAt(), d.updatedAt(), null);
    }

    boolean ready() {
        return KnowledgeDocument.READY.equals(status);
    }
}
