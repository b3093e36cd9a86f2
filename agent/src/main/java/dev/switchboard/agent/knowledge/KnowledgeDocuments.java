package dev.switchboard.agent.knowledge;

import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.InvalidInputException.FieldError;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.tenant.TenantContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;

/**
 * The tenant's knowledge documents: adding or replacing one cuts it into passages and embeds them
 * (in this thread, outside any transaction: a megabyte takes seconds), then stores document and
 * passages in one tenant transaction; deleting removes both. Every change is seen by the next
 * search on every node.
 */
public class KnowledgeDocuments {

    static final int MAX_TITLE_LENGTH = 300;

    private static final Logger log = LoggerFactory.getLogger(KnowledgeDocuments.class);

    private final KnowledgeStore store;
    private final Chunker chunker;
    private final Embedder embedder;
    private final int maxBytes;

    KnowledgeDocuments(KnowledgeStore store, Chunker chunker, Embedder embedder, int maxBytes) {
        this.store = store;
        this.chunker = chunker;
        this.embedder = embedder;
        this.maxBytes = maxBytes;
    }

    /** @param format null: Markdown */
    public KnowledgeDocument add(String title, String content, DocumentFormat format) {
        DocumentFormat f = format == null ? DocumentFormat.MARKDOWN : format;
        List<EmbeddedChunk> chunks = embed(validate(title, content, f), title.strip());
        KnowledgeDocument document = store.insert(UUID.randomUUID(), title.strip(), f, content, embedder.model(), chunks);
        log.info("knowledge document added tenant={} document={} bytes={} passages={}",
                TenantContext.require().slug(), document.id(), document.sizeBytes(), document.chunks());
        return document;
    }

    /** Replaces title and content and embeds the passages anew. */
    public KnowledgeDocument replace(UUID id, String title, String content, DocumentFormat format) {
        get(id);
        DocumentFormat f = format == null ? DocumentFormat.MARKDOWN : format;
        List<EmbeddedChunk> chunks = embed(validate(title, content, f), title.strip());
        KnowledgeDocument document = store.replace(id, title.strip(), f, content, embedder.model(), chunks)
                .orElseThrow(() -> notFound(id));
        log.info("knowledge document replaced tenant={} document={} bytes={} passages={}",
                TenantContext.require().slug(), id, document.sizeBytes(), document.chunks());
        return document;
    }

    public void delete(UUID id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
        log.info("knowledge document deleted tenant={} document={}", TenantContext.require().slug(), id);
    }

    public KnowledgeDocument get(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public Page<KnowledgeDocument> list(int page, int size) {
        return store.list(page, size);
    }

    private List<Chunk> validate(String title, String content, DocumentFormat format) {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "must not be blank"));
        } else if (title.length() > MAX_TITLE_LENGTH) {
            errors.add(new FieldError("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
        }
        List<Chunk> chunks = List.of();
        if (content == null || content.isBlank()) {
            errors.add(new FieldError("content", "must not be blank"));
        } else if (content.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            errors.add(new FieldError("content", "must be at most " + maxBytes + " bytes (UTF-8)"));
        } else {
            chunks = chunker.chunk(content, format);
            if (chunks.isEmpty()) {
                errors.add(new FieldError("content", "has no text besides headings"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return chunks;
    }

    private List<EmbeddedChunk> embed(List<Chunk> chunks, String title) {
        List<float[]> vectors = embedder.embedAll(chunks.stream()
                .map(c -> Chunk.indexedText(title, c.heading(), c.text())).toList());
        List<EmbeddedChunk> embedded = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            embedded.add(new EmbeddedChunk(chunks.get(i), vectors.get(i)));
        }
        return embedded;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("knowledge document " + id);
    }
}
