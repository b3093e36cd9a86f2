package dev.switchboard.agent.knowledge;

import java.util.List;

/** A question, ready for an index: its text, its L2-normalized embedding, its lexical terms. */
record Query(String text, float[] vector, List<String> terms) {

    static Query of(String text, float[] vector) {
        return new Query(text, vector, TextAnalyzer.terms(text));
    }
}
