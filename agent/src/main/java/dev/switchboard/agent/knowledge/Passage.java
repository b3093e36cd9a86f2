package dev.switchboard.agent.knowledge;

import java.util.UUID;

/**
 * A passage found for a question.
 *
 * @param score      what passages are ranked by: a blend of {@code similarity} and {@code lexical}
 * @param similarity cosine similarity of the question's and the passage's embeddings
 * @param lexical    the share of the question's (IDF-weighted) terms that the passage contains, 0..1
 */
public record Passage(UUID documentId, String title, String heading, String text, double score, double similarity,
                      double lexical) {

    /** "Title — Section": where the passage comes from, for a person or a prompt. */
    public String label() {
        return Chunk.label(title, heading);
    }
}
