package dev.switchboard.agent.knowledge;

import dev.switchboard.core.queue.WorkHandler;
import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.tenant.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds the passages of a large document in the background, a slice per work item: each slice
 * (by default 64 passages, seconds of work) is stored with the completion of its item and queues
 * the next, so no item outlives its lease, a crash loses at most one slice, and any node may pick
 * the work up. Searches see the passages embedded so far. The passages are cut again from the
 * stored content each time (cutting is deterministic and cheap); a document replaced meanwhile is
 * left to the indexing its replacement queued.
 */
class DocumentIndexer implements WorkHandler {

    static final String KIND = "knowledge-index";

    private static final Logger log = LoggerFactory.getLogger(DocumentIndexer.class);

    private final KnowledgeStore store;
    private final Chunker chunker;
    private final Embedder embedder;
    private final int slice;

    DocumentIndexer(KnowledgeStore store, Chunker chunker, Embedder embedder, int slice) {
        this.store = store;
        this.chunker = chunker;
        this.embedder = embedder;
        this.slice = slice;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(WorkItem item) {
        KnowledgeStore.Pending pending = store.pending(item.refId()).orElse(null);
        if (pending == null) {
            store.finish(item);
            return;
        }
        List<Chunk> chunks = chunker.chunk(pending.content(), pending.format());
        List<Chunk> missing = chunks.stream().filter(c -> !pending.stored().contains(c.ordinal())).limit(slice).toList();
        if (missing.isEmpty()) {
            store.finish(item);
            return;
        }
        List<float[]> vectors = embedder.embedAll(missing.stream()
                .map(c -> Chunk.indexedText(pending.title(), c.heading(), c.text())).toList());
        List<EmbeddedChunk> embedded = new ArrayList<>(missing.size());
        for (int i = 0; i < missing.size(); i++) {
            embedded.add(new EmbeddedChunk(missing.get(i), vectors.get(i)));
        }
        int done = pending.stored().size() + embedded.size();
        boolean more = done < chunks.size();
        if (store.storeSlice(item.refId(), pending.updatedAt(), chunks.size(), embedded, item, more)) {
            log.info("knowledge document indexed tenant={} document={} passages={}/{}", TenantContext.require().slug(),
                    item.refId(), done, chunks.size());
        }
    }
}
