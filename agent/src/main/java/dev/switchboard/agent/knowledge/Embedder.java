package dev.switchboard.agent.knowledge;

import java.util.List;

/** Turns text into L2-normalized vectors, in-process. One instance per JVM: the model is large. */
public interface Embedder {

    /** Names the model, stored with every vector: vectors of different models are never compared. */
    String model();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);
}
