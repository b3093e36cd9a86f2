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
 * <p>With {@code centered}, the mean of the tenant's passage vectors is subtracted from every
 * vector (and from the question's) before the cosine: an English-only model puts all Russian text
 * in one corner of the space, where every Russian passage looks similar to every Russian question;
 * centering removes that shared direction.
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

    /** @param vectors one L2-normalized vector per chunk, all of one dimension */
    static TenantIndex build(UUID tenantId, long version, List<IndexedChunk> chunks, List<float[]> vectors,
                             boolean centered) {
        return build(tenantId, version, chunks, vectors, centered ? CENTERING_PRIOR : -1);
    }

    static int CENTERING_PRIOR = 10;

    static TenantIndex build(UUID tenantId, long version, List<IndexedChunk> chunks, List<float[]> vectors,
                             int centeringPrior) {
        boolean centered = centeringPrior >= 0;
        if (chunks.isEmpty()) {
            return empty(tenantId, version);
        }
        int dimensions = vectors.get(0).length;
        float[][] means = centered ? means(chunks, vectors, dimensions, centeringPrior) : null;
        float[] matrix = new float[chunks.size() * dimensions];
        List<List<String>> terms = new ArrayList<>(chunks.size());
        for (int row = 0; row < chunks.size(); row++) {
            IndexedChunk chunk = chunks.get(row);
            float[] vector = prepare(vectors.get(row), means == null ? null : means[Script.of(chunk.text()).ordinal()]);
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("vectors of different dimensions in one index");
            }
            System.arraycopy(vector, 0, matrix, row * dimensions, dimensions);
            terms.add(TextAnalyzer.terms(new Chunk(chunk.ordinal(), chunk.heading(), chunk.text()).indexedText(chunk.title())));
        }
        return new TenantIndex(tenantId, version, List.copyOf(chunks), matrix, means, dimensions, LexicalIndex.of(terms));
    }

    /**
     * The {@code k} best passages for a question.
     *
     * @param query         the question's L2-normalized embedding
     * @param terms         the question's terms ({@link TextAnalyzer#terms})
     * @param lexicalWeight how much of the score is the lexical coverage (the rest is the cosine)
     */
    List<Passage> search(float[] query, List<String> terms, int k, double lexicalWeight) {
        return search(query, "", terms, k, lexicalWeight);
    }

    List<Passage> search(float[] query, String questionText, List<String> terms, int k, double lexicalWeight) {
        if (chunks.isEmpty() || k <= 0) {
            return List.of();
        }
        if (query.length != dimensions) {
            throw new IllegalArgumentException("question vector has " + query.length + " dimensions, index " + dimensions);
        }
        float[] q = prepare(query, means == null ? null : means[Script.of(questionText).ordinal()]);
        float[] coverage = lexical.coverage(terms);
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

    private static float[] prepare(float[] vector, float[] mean) {
        if (mean == null) {
            return vector;
        }
        float[] centered = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            centered[i] = vector[i] - mean[i];
        }
        return Vectors.normalize(centered);
    }

    enum Script {
        LATIN, CYRILLIC;

        static Script of(String text) {
            int cyrillic = 0;
            int letters = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                        cyrillic++;
                    }
                }
            }
            return letters > 0 && cyrillic * 2 >= letters ? CYRILLIC : LATIN;
        }
    }

    private static float[][] means(List<IndexedChunk> chunks, List<float[]> vectors, int dimensions, int prior) {
        float[][] means = new float[Script.values().length][];
        for (Script script : Script.values()) {
            List<float[]> group = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                if (Script.of(chunks.get(i).text()) == script) {
                    group.add(vectors.get(i));
                }
            }
            means[script.ordinal()] = mean(group, dimensions, prior);
        }
        return means;
    }

    private static float[] mean(List<float[]> vectors, int dimensions, int prior) {
        float[] mean = new float[dimensions];
        float weight = 1f / (vectors.size() + prior);
        for (float[] vector : vectors) {
            for (int i = 0; i < dimensions; i++) {
                mean[i] += vector[i] * weight;
            }
        }
        return mean;
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

    boolean isEmpty() {
        return chunks.isEmpty();
    }
}
