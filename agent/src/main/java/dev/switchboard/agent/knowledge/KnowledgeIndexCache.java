package dev.switchboard.agent.knowledge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDeleted;
import dev.switchboard.core.tenant.TenantRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * The in-memory index of each tenant's passages, keyed by tenant id and only ever handed to the
 * tenant in context. Before every search, one cheap query compares the cached index's version
 * with {@code knowledge_state.version}: a change on any node rebuilds the index on the next search
 * here, so no node answers from stale or deleted passages. Bounded by the total number of
 * passages held; an evicted tenant is reloaded on its next search.
 */
class KnowledgeIndexCache {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexCache.class);

    private final KnowledgeStore store;
    private final Embedder embedder;
    private final int centeringPrior;
    private final Cache<UUID, TenantIndex> indexes;

    KnowledgeIndexCache(KnowledgeStore store, Embedder embedder, int centeringPrior, long maxChunks) {
        this.store = store;
        this.embedder = embedder;
        this.centeringPrior = centeringPrior;
        this.indexes = Caffeine.newBuilder()
                .maximumWeight(maxChunks)
                .weigher((UUID tenant, TenantIndex index) -> index.size() + 1)
                .build();
    }

    /** The current index of the tenant in context. */
    TenantIndex current() {
        TenantRef tenant = TenantContext.require();
        TenantIndex cached = indexes.getIfPresent(tenant.id());
        long known = cached == null ? -1 : cached.version();
        TenantIndex index = store.snapshotIfChanged(known)
                .map(snapshot -> build(tenant, snapshot))
                .orElse(cached);
        if (index != cached) {
            indexes.asMap().merge(tenant.id(), index, (old, loaded) -> loaded.version() >= old.version() ? loaded : old);
        }
        if (!index.tenantId().equals(tenant.id())) {
            throw new IllegalStateException("knowledge index of another tenant");
        }
        return index;
    }

    @EventListener
    public void tenantDeleted(TenantDeleted event) {
        indexes.invalidate(event.tenant().id());
    }

    private TenantIndex build(TenantRef tenant, KnowledgeStore.Snapshot snapshot) {
        long started = System.nanoTime();
        List<IndexedChunk> chunks = new ArrayList<>(snapshot.chunks().size());
        List<float[]> vectors = new ArrayList<>(snapshot.chunks().size());
        Map<UUID, List<Integer>> stale = new LinkedHashMap<>();
        for (KnowledgeStore.StoredChunk stored : snapshot.chunks()) {
            IndexedChunk chunk = new IndexedChunk(stored.documentId(), stored.title(), stored.ordinal(), stored.heading(),
                    stored.text());
            if (!embedder.model().equals(stored.model())) {
                stale.computeIfAbsent(stored.documentId(), d -> new ArrayList<>()).add(chunks.size());
            }
            chunks.add(chunk);
            vectors.add(Vectors.decode(stored.embedding()));
        }
        if (!stale.isEmpty()) {
            reembed(snapshot, chunks, vectors, stale);
        }
        TenantIndex index = TenantIndex.build(tenant.id(), snapshot.version(), chunks, vectors, centeringPrior);
        log.debug("knowledge index built tenant={} version={} passages={} took={}ms", tenant.slug(),
                snapshot.version(), chunks.size(), (System.nanoTime() - started) / 1_000_000);
        return index;
    }

    /** Passages embedded by another model (an upgrade): embedded again with this one, and stored. */
    private void reembed(KnowledgeStore.Snapshot snapshot, List<IndexedChunk> chunks, List<float[]> vectors,
                         Map<UUID, List<Integer>> stale) {
        stale.forEach((documentId, rows) -> {
            List<float[]> fresh = embedder.embedAll(rows.stream().map(row -> chunks.get(row).indexedText()).toList());
            List<EmbeddedChunk> embedded = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                IndexedChunk chunk = chunks.get(rows.get(i));
                vectors.set(rows.get(i), fresh.get(i));
                embedded.add(new EmbeddedChunk(new Chunk(chunk.ordinal(), chunk.heading(), chunk.text()), fresh.get(i)));
            }
            KnowledgeStore.StoredChunk first = snapshot.chunks().get(rows.get(0));
            store.updateEmbeddings(documentId, first.documentUpdatedAt(), embedder.model(), embedded);
            log.info("knowledge document re-embedded document={} from={} to={} passages={}", documentId, first.model(),
                    embedder.model(), rows.size());
        });
    }

    void evictAll() {
        indexes.invalidateAll();
    }
}
