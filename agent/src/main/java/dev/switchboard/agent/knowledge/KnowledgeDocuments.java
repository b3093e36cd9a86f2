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
 * The tenant's knowledge documents. Adding or replacing one cuts it into passages; up to
 * {@code inlinePassages} of them are embedded here, outside any transaction, and stored with the
 * document in one tenant transaction, so the document is searchable when the call returns. A larger
 * document (a megabyte is thousands of passages: a minute of CPU on two cores) is stored at once and
 * embedded in the background by {@link DocumentIndexer}; its status is {@code indexing} until every
 * passage is in. Deleting removes document and passages. Every change is seen by the next search on
 * every node.
 */
public class KnowledgeDocuments {

    static final int MAX_TITLE_LENGTH = 300;

    private static final Logger log = LoggerFactory.getLogger(KnowledgeDocuments.class);

    private final KnowledgeStore store;
    private final Chunker chunker;
    private final Embedder embedder;
    private final int maxBytes;
    private final int inlinePassages;

    KnowledgeDocuments(KnowledgeStore store, Chunker chunker, Embedder embedder, int maxBytes, int inlinePassages) {
        this.store = store;
        this.chunker = chunker;
        this.embedder = embedder;
        this.maxBytes = maxBytes;
        this.inlinePassages = inlinePassages;
    }

    /** @param format null: Markdown */
    public KnowledgeDocument add(String title, String content, DocumentFormat format) {
        DocumentFormat f = format == null ? DocumentFormat.MARKDOWN : format;
        List<Chunk> chunks = validate(title, content, f);
        KnowledgeDocument document = store.insert(UUID.randomUUID(), title.strip(), f, content, embedder.model(),
                chunks.size(), embedInline(chunks, title.strip()));
        log.info("knowledge document added tenant={} document={} bytes={} passages={} status={}",
                TenantContext.require().slug(), document.id(), document.sizeBytes(), document.chunks(), document.status());
        return document;
    }

    /** Replaces title and content and embeds the passages anew. */
    public KnowledgeDocument replace(UUID id, String title, String content, DocumentFormat format) {
        get(id);
        DocumentFormat f = format == null ? DocumentFormat.MARKDOWN : format;
        List<Chunk> chunks = validate(title, content, f);
        KnowledgeDocument document = store.replace(id, title.strip(), f, content, embedder.model(), chunks.size(),
                embedInline(chunks, title.strip())).orElseThrow(() -> notFound(id));
        log.info("knowledge document replaced tenant={} document={} bytes={} passages={} status={}",
                TenantContext.require().slug(), id, document.sizeBytes(), document.chunks(), document.status());
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

    /** All passages of a small document; none of a large one (the indexer embeds those). */
    private List<EmbeddedChunk> embedInline(List<Chunk> chunks, String title) {
        if (chunks.size() > inlinePassages) {
            return List.of();
        }
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
