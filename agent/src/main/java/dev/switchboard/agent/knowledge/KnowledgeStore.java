package dev.switchboard.agent.knowledge;

import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantRef;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's documents and passages ({@code knowledge_*} in its schema). Every method runs in a
 * tenant transaction: the schema is the one Hibernate's multi-tenancy set on the connection for
 * the tenant in context, so a method can only ever see that tenant's rows. Every change bumps
 * {@code knowledge_state.version} in its own transaction. A document stored with fewer embedded
 * passages than it has is finished by {@link DocumentIndexer} in slices: its work item is queued in
 * the transaction that stores the document.
 */
@Transactional
class KnowledgeStore {

    private static final String DOCUMENT_COLUMNS = "id, title, format, size_bytes, chunk_count, embedding_model, "
            + "created_at, updated_at, (SELECT count(*) FROM knowledge_chunk c WHERE c.document_id = d.id) AS indexed";

    /** What the indexer needs of a document that still lacks passages. */
    record Pending(String title, DocumentFormat format, String content, OffsetDateTime updatedAt, Set<Integer> stored) {
    }

    /** What a search needs of the tenant's knowledge, as of {@code version}. */
    record Snapshot(long version, List<StoredChunk> chunks) {
    }

    /** A stored passage and its document's title and embedding model. */
    record StoredChunk(UUID documentId, String title, String model, OffsetDateTime documentUpdatedAt, int ordinal,
                       String heading, String text, byte[] embedding) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final WorkQueue queue;

    KnowledgeStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, WorkQueue queue) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.queue = queue;
    }

    @Transactional(readOnly = true)
    public long version() {
        TenantContext.require();
        return jdbc.sql("SELECT version FROM knowledge_state").query(Long.class).single();
    }

    /** The passages, unless the caller already has {@code knownVersion}: then empty. */
    @Transactional(readOnly = true)
    public Optional<Snapshot> snapshotIfChanged(long knownVersion) {
        long version = version();
        if (version == knownVersion) {
            return Optional.empty();
        }
        List<StoredChunk> chunks = jdbc.sql("""
                SELECT c.document_id, d.title, d.embedding_model, d.updated_at, c.ordinal, c.heading, c.text, c.embedding
                FROM knowledge_chunk c JOIN knowledge_document d ON d.id = c.document_id
                ORDER BY d.created_at, c.document_id, c.ordinal
                """)
                .query((rs, n) -> new StoredChunk(rs.getObject("document_id", UUID.class), rs.getString("title"),
                        rs.getString("embedding_model"), rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getInt("ordinal"), rs.getString("heading"), rs.getString("text"), rs.getBytes("embedding")))
                .list();
        return Optional.of(new Snapshot(version, chunks));
    }

    /**
     * @param chunkCount how many passages the document has; {@code chunks} may be fewer (none, for a
     *                   large document): then the rest is left to the indexer
     */
    public KnowledgeDocument insert(UUID id, String title, DocumentFormat format, String content, String model,
                                    int chunkCount, List<EmbeddedChunk> chunks) {
        TenantRef tenant = TenantContext.require();
        jdbc.sql("""
                INSERT INTO knowledge_document (id, title, format, content, size_bytes, chunk_count, embedding_model)
                VALUES (:id, :title, :format, :content, :size, :chunks, :model)
                """)
                .param("id", id).param("title", title).param("format", format.wireName()).param("content", content)
                .param("size", content.getBytes(StandardCharsets.UTF_8).length).param("chunks", chunkCount)
                .param("model", model)
                .update();
        insertChunks(id, chunks);
        indexRestLater(tenant, id, chunkCount, chunks);
        bumpVersion();
        return find(id).orElseThrow();
    }

    /** @return the document as replaced, or empty when there is no such document (any more) */
    public Optional<KnowledgeDocument> replace(UUID id, String title, DocumentFormat format, String content, String model,
                                               int chunkCount, List<EmbeddedChunk> chunks) {
        TenantRef tenant = TenantContext.require();
        int updated = jdbc.sql("""
                UPDATE knowledge_document SET title = :title, format = :format, content = :content, size_bytes = :size,
                    chunk_count = :chunks, embedding_model = :model, updated_at = now()
                WHERE id = :id
                """)
                .param("id", id).param("title", title).param("format", format.wireName()).param("content", content)
                .param("size", content.getBytes(StandardCharsets.UTF_8).length).param("chunks", chunkCount)
                .param("model", model)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        jdbc.sql("DELETE FROM knowledge_chunk WHERE document_id = :id").param("id", id).update();
        insertChunks(id, chunks);
        indexRestLater(tenant, id, chunkCount, chunks);
        bumpVersion();
        return find(id);
    }

    /** The document's content and which passages it has, while it lacks some; empty when gone or complete. */
    @Transactional(readOnly = true)
    public Optional<Pending> pending(UUID id) {
        TenantContext.require();
        return jdbc.sql("SELECT title, format, content, updated_at FROM knowledge_document WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Pending(rs.getString("title"), DocumentFormat.fromWire(rs.getString("format")).orElseThrow(),
                        rs.getString("content"), rs.getObject("updated_at", OffsetDateTime.class), storedOrdinals(id)))
                .optional();
    }

    /**
     * Stores a slice of a document's passages and completes the indexer's work item, queueing the
     * next slice when {@code more}; all of it only if the document is unchanged since it was read
     * (a replace queues its own indexing). Runs with the item's lease: a lost lease rolls it back.
     *
     * @return whether the slice was stored
     */
    public boolean storeSlice(UUID id, OffsetDateTime seen, int chunkCount, List<EmbeddedChunk> slice, WorkItem item,
                              boolean more) {
        TenantRef tenant = TenantContext.require();
        Optional<OffsetDateTime> current = jdbc.sql("SELECT updated_at FROM knowledge_document WHERE id = :id FOR UPDATE")
                .param("id", id).query(OffsetDateTime.class).optional();
        boolean unchanged = current.isPresent() && current.get().isEqual(seen);
        if (unchanged) {
            batch.batchUpdate("""
                    INSERT INTO knowledge_chunk (document_id, ordinal, heading, text, embedding)
                    VALUES (:document, :ordinal, :heading, :text, :embedding)
                    ON CONFLICT (document_id, ordinal) DO NOTHING
                    """, parameters(id, slice));
            jdbc.sql("UPDATE knowledge_document SET chunk_count = :chunks WHERE id = :id")
                    .param("chunks", chunkCount).param("id", id).update();
            bumpVersion();
            if (more) {
                queue.enqueue(tenant.id(), DocumentIndexer.KIND, id);
            }
        }
        queue.complete(item);
        return unchanged;
    }

    /** Completes an indexer's item that has nothing (more) to do. */
    public void finish(WorkItem item) {
        queue.complete(item);
    }

    private Set<Integer> storedOrdinals(UUID id) {
        return Set.copyOf(jdbc.sql("SELECT ordinal FROM knowledge_chunk WHERE document_id = :id")
                .param("id", id).query(Integer.class).list());
    }

    private void indexRestLater(TenantRef tenant, UUID id, int chunkCount, List<EmbeddedChunk> embedded) {
        if (embedded.size() < chunkCount) {
            queue.enqueue(tenant.id(), DocumentIndexer.KIND, id);
        }
    }

    public boolean delete(UUID id) {
        TenantContext.require();
        boolean deleted = jdbc.sql("DELETE FROM knowledge_document WHERE id = :id").param("id", id).update() > 0;
        if (deleted) {
            bumpVersion();
        }
        return deleted;
    }

    @Transactional(readOnly = true)
    public Optional<KnowledgeDocument> find(UUID id) {
        TenantContext.require();
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + ", content FROM knowledge_document d WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> document(rs, rs.getString("content")))
                .optional();
    }

    @Transactional(readOnly = true)
    public Page<KnowledgeDocument> list(int page, int size) {
        TenantContext.require();
        long total = jdbc.sql("SELECT count(*) FROM knowledge_document").query(Long.class).single();
        List<KnowledgeDocument> documents = jdbc.sql("SELECT " + DOCUMENT_COLUMNS
                        + " FROM knowledge_document d ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> document(rs, null))
                .list();
        return new PageImpl<>(documents, PageRequest.of(page, size), total);
    }

    /**
     * Stores vectors of a newer model for a document's passages, unless the document changed since
     * they were read ({@code seenUpdatedAt}); the knowledge itself did not change, so no version bump.
     */
    public boolean updateEmbeddings(UUID documentId, OffsetDateTime seenUpdatedAt, String model,
                                    List<EmbeddedChunk> chunks) {
        TenantContext.require();
        int updated = jdbc.sql("""
                UPDATE knowledge_document SET embedding_model = :model WHERE id = :id AND updated_at = :seen
                """)
                .param("model", model).param("id", documentId).param("seen", seenUpdatedAt)
                .update();
        if (updated == 0) {
            return false;
        }
        batch.batchUpdate("UPDATE knowledge_chunk SET embedding = :embedding WHERE document_id = :document AND ordinal = :ordinal",
                parameters(documentId, chunks));
        return true;
    }

    private void insertChunks(UUID documentId, List<EmbeddedChunk> chunks) {
        batch.batchUpdate("""
                INSERT INTO knowledge_chunk (document_id, ordinal, heading, text, embedding)
                VALUES (:document, :ordinal, :heading, :text, :embedding)
                """, parameters(documentId, chunks));
    }

    private static SqlParameterSource[] parameters(UUID documentId, List<EmbeddedChunk> chunks) {
        return chunks.stream().map(c -> new MapSqlParameterSource()
                        .addValue("document", documentId)
                        .addValue("ordinal", c.chunk().ordinal())
                        .addValue("heading", c.chunk().heading())
                        .addValue("text", c.chunk().text())
                        .addValue("embedding", Vectors.encode(c.vector())))
                .toArray(SqlParameterSource[]::new);
    }

    private void bumpVersion() {
        jdbc.sql("UPDATE knowledge_state SET version = version + 1, updated_at = now()").update();
    }

    private static KnowledgeDocument document(ResultSet rs, String content) throws SQLException {
        return new KnowledgeDocument(rs.getObject("id", UUID.class), rs.getString("title"),
                DocumentFormat.fromWire(rs.getString("format")).orElseThrow(), content, rs.getInt("size_bytes"),
                rs.getInt("chunk_count"), rs.getInt("indexed"), rs.getString("embedding_model"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
