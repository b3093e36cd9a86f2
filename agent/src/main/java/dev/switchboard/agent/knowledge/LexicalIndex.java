package dev.switchboard.agent.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which passages contain which terms, and how rare each term is. A passage's lexical score for a
 * question is the share of the question's term weight (inverse document frequency) that it
 * contains: 1 when it has every term, 0 when none. Unlike BM25 it is bounded, so it can be blended
 * with a cosine similarity and compared with a fixed threshold; a question term that no passage
 * has still counts in the denominator, so "what is the Wi-Fi password" scores low everywhere when
 * nobody wrote about Wi-Fi.
 */
final class LexicalIndex {

    private final Map<String, int[]> postings;
    private final int size;

    private LexicalIndex(Map<String, int[]> postings, int size) {
        this.postings = postings;
        this.size = size;
    }

    static LexicalIndex of(List<List<String>> passageTerms) {
        Map<String, List<Integer>> building = new HashMap<>();
        for (int passage = 0; passage < passageTerms.size(); passage++) {
            for (String term : new LinkedHashSet<>(passageTerms.get(passage))) {
                building.computeIfAbsent(term, t -> new ArrayList<>()).add(passage);
            }
        }
        Map<String, int[]> postings = new HashMap<>(building.size() * 2);
        building.forEach((term, list) -> postings.put(term, list.stream().mapToInt(Integer::intValue).toArray()));
        return new LexicalIndex(postings, passageTerms.size());
    }

    /** Each passage's share of the question's term weight, 0..1; all zeros when the question has no terms. */
    float[] coverage(List<String> questionTerms) {
        float[] scores = new float[size];
        Set<String> terms = new LinkedHashSet<>(questionTerms);
        double total = 0;
        for (String term : terms) {
            total += idf(term);
        }
        if (total == 0) {
            return scores;
        }
        for (String term : terms) {
            int[] passages = postings.get(term);
            if (passages != null) {
                float weight = (float) (idf(term) / total);
                for (int passage : passages) {
                    scores[passage] += weight;
                }
            }
        }
        return scores;
    }

    /** BM25's inverse document frequency, always positive; highest for a term no passage has. */
    private double idf(String term) {
        int[] passages = postings.get(term);
        int df = passages == null ? 0 : passages.length;
        return Math.log(1 + (size - df + 0.5) / (df + 0.5));
    }

    int terms() {
        return postings.size();
    }
}
