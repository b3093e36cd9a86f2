package dev.switchboard.agent.knowledge;

import java.util.List;

/**
 * Finds the passages of the tenant in context that best answer a question: top-k by a blend of
 * cosine similarity (in-process embeddings) and lexical coverage. Only ever the tenant in
 * context's passages: there is no parameter that names a tenant.
 */
public class Retriever {

    private final KnowledgeIndexCache indexes;
    private final Embedder embedder;
    private final double lexicalWeight;

    Retriever(KnowledgeIndexCache indexes, Embedder embedder, double lexicalWeight) {
        this.indexes = indexes;
        this.embedder = embedder;
        this.lexicalWeight = lexicalWeight;
    }

    /** The best {@code k} passages, best first; empty when the tenant has no knowledge or the question no text. */
    public List<Passage> search(String question, int k) {
        if (question == null || question.isBlank() || k <= 0) {
            return List.of();
        }
        TenantIndex index = indexes.current();
        if (index.size() == 0) {
            return List.of();
        }
        return index.search(Query.of(question, embedder.embed(question)), k, lexicalWeight);
    }
}
