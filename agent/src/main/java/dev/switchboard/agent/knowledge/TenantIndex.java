package dev.switchboard.agent.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * One tenant's passages in memory: their vectors in one row-major matrix, their terms in a
 * {@link LexicalIndex}. Immutable; a change of the tenant's knowledge builds a new one. It knows
 * whose it is, and {@link KnowledgeIndexCache} hands it out only to that tenant.
 *
 * <p>Vectors are centered per script before the cosine: the mean vector of the tenant's Latin
 * passages is subtracted from them and from Latin questions, likewise for Cyrillic. The
 * English-only model puts all Russian text in one corner of its space, where every Russian
 * passage looks alike to every Russian question (cosines of 0.45–0.6 whether related or not);
 * centering removes that shared direction and brings both languages to one scale, so one FAQ
 * threshold fits both. The mean is shrunk towards zero for small corpora ({@code centeringPrior}
 * pseudo-passages at the origin), where it would otherwise be the passages themselves.
 */
final class TenantIndex {

    private final UUID tenantId;
    private final long version;
    private final List<IndexedChunk> chunks;
    private final float[] matrix;
    private final float[][] means;
    private final int dimensions;
    private final LexicalIndex lexical;

    private TenantIndex(UUID tenantId, long version, List<IndexedChunk> chunks, float[] matrix, float[][] means,
                        int dimensions, LexicalIndex lexical) {
        this.tenantId = tenantId;
        this.version = version;
        this.chunks = chunks;
        this.matrix = matrix;
        this.means = means;
        this.dimensions = dimensions;
        this.lexical = lexical;
    }

    static TenantIndex empty(UUID tenantId, long version) {
        return new TenantIndex(tenantId, version, List.of(), new float[0], null, 0, LexicalIndex.of(List.of()));
    }

    /**
     * @param vectors        one L2-normalized vector per chunk, all of one dimension
     * @param centeringPrior pseudo-count shrinking the per-script means; negative: no centering
     */
    static TenantIndex build(UUID tenantId, long version, List<IndexedChunk> chunks, List<float[]> vectors,
                             int centeringPrior) {
        if (chunks.isEmpty()) {
            return empty(tenantId, version);
        }
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException(chunks.size() + " chunks but " + vectors.size() + " vectors");
        }
        int dimensions = vectors.get(0).length;
        float[][] means = centeringPrior < 0 ? null : means(chunks, vectors, dimensions, centeringPrior);
        float[] matrix = new float[chunks.size() * dimensions];
        List<List<String>> terms = new ArrayList<>(chunks.size());
        for (int row = 0; row < chunks.size(); row++) {
            IndexedChunk chunk = chunks.get(row);
            float[] vector = vectors.get(row);
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("vectors of different dimensions in one index");
            }
            System.arraycopy(center(vector, means, chunk.text()), 0, matrix, row * dimensions, dimensions);
            terms.add(TextAnalyzer.terms(chunk.indexedText()));
        }
        return new TenantIndex(tenantId, version, List.copyOf(chunks), matrix, means, dimensions, LexicalIndex.of(terms));
    }

    /**
     * The {@code k} best passages for a question, best first.
     *
     * @param lexicalWeight how much of the score is the lexical coverage (the rest is the cosine)
     */
    List<Passage> search(Query query, int k, double lexicalWeight) {
        if (chunks.isEmpty() || k <= 0) {
            return List.of();
        }
        if (query.vector().length != dimensions) {
            throw new IllegalArgumentException("question vector has " + query.vector().length
                    + " dimensions, the index " + dimensions);
        }
        float[] q = center(query.vector(), means, query.text());
        float[] coverage = lexical.coverage(query.terms());
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a.score, b.score));
        for (int row = 0; row < chunks.size(); row++) {
            float similarity = Vectors.dot(q, matrix, row);
            double score = (1 - lexicalWeight) * similarity + lexicalWeight * coverage[row];
            if (best.size() < k) {
                best.add(new Scored(row, score, similarity, coverage[row]));
            } else if (score > best.peek().score) {
                best.poll();
                best.add(new Scored(row, score, similarity, coverage[row]));
            }
        }
        List<Passage> passages = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            Scored scored = best.poll();
            IndexedChunk chunk = chunks.get(scored.row);
            passages.add(0, new Passage(chunk.documentId(), chunk.title(), chunk.heading(), chunk.text(), scored.score,
                    scored.similarity, scored.lexical));
        }
        return passages;
    }

    private record Scored(int row, double score, float similarity, float lexical) {
    }

    private static float[] center(float[] vector, float[][] means, String text) {
        if (means == null) {
            return vector;
        }
        float[] mean = means[Script.of(text).ordinal()];
        float[] centered = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            centered[i] = vector[i] - mean[i];
        }
        return Vectors.normalize(centered);
    }

    private static float[][] means(List<IndexedChunk> chunks, List<float[]> vectors, int dimensions, int prior) {
        float[][] sums = new float[Script.values().length][dimensions];
        int[] counts = new int[Script.values().length];
        for (int row = 0; row < chunks.size(); row++) {
            int script = Script.of(chunks.get(row).text()).ordinal();
            counts[script]++;
            float[] vector = vectors.get(row);
            for (int i = 0; i < dimensions; i++) {
                sums[script][i] += vector[i];
            }
        }
        for (int script = 0; script < sums.length; script++) {
            float scale = 1f / (counts[script] + prior + Float.MIN_NORMAL);
            for (int i = 0; i < dimensions; i++) {
                sums[script][i] *= scale;
            }
        }
        return sums;
    }

    UUID tenantId() {
        return tenantId;
    }

    long version() {
        return version;
    }

    int size() {
        return chunks.size();
    }
}
