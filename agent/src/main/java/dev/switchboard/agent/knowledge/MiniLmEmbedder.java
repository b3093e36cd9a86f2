package dev.switchboard.agent.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 (384 dimensions) through ONNX Runtime, from LangChain4j's module that carries
 * the model inside its jar: nothing is downloaded, nothing runs outside the JVM. Loading takes a
 * few seconds and ~100 MB, so it happens once, on first use or on {@link #warmUp()} (called in the
 * background after start-up), whichever comes first; every caller shares the one instance.
 *
 * <p>Trained on English. Russian text gets usable but much weaker vectors, which is why retrieval
 * blends in a lexical score.
 */
public final class MiniLmEmbedder implements Embedder {

    public static final String MODEL = "all-minilm-l6-v2";

    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);

    private final int threads;
    private volatile EmbeddingModel model;

    /** @param threads how many passages of one batch are embedded at once */
    public MiniLmEmbedder(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public float[] embed(String text) {
        return onnx().embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return onnx().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    /** Loads the model now, unless it is loaded. */
    public void warmUp() {
        onnx();
    }

    public boolean loaded() {
        return model != null;
    }

    private EmbeddingModel onnx() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    long started = System.nanoTime();
                    loaded = new AllMiniLmL6V2EmbeddingModel(executor(threads));
                    model = loaded;
                    log.info("embedding model {} loaded in {} ms", MODEL, (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return loaded;
    }

    private static ExecutorService executor(int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "embedding-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
