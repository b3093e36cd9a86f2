package dev.switchboard.agent.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a question costs against a tenant of 10,000 passages (p50/p99 from JMH's sample mode):
 * the in-memory hybrid search alone (cosine over the matrix + lexical coverage + top-3), the same
 * with the question's embedding (the whole search minus the one-row version check), and building
 * the index (what the first search after a change pays). Passage vectors are random unit vectors
 * (the scan costs the same for any values); passage texts are sentences of the labelled corpus,
 * so the lexical index has realistic terms; questions and their embeddings are real.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class RetrievalBenchmark {

    @Param({"10000"})
    public int passages;

    private static final int DIMENSIONS = 384;

    private MiniLmEmbedder embedder;
    private List<IndexedChunk> chunks;
    private List<float[]> vectors;
    private TenantIndex index;
    private float[] matrix;
    private List<String> questions;
    private List<Query> queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        embedder = new MiniLmEmbedder(Runtime.getRuntime().availableProcessors());
        chunks = BenchCorpus.passages(passages, 42);
        Random random = new Random(7);
        vectors = new ArrayList<>(passages);
        for (int i = 0; i < passages; i++) {
            float[] v = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.add(Vectors.normalize(v));
        }
        index = TenantIndex.build(UUID.randomUUID(), 1, chunks, vectors, 10);
        matrix = new float[passages * DIMENSIONS];
        for (int i = 0; i < passages; i++) {
            System.arraycopy(vectors.get(i), 0, matrix, i * DIMENSIONS, DIMENSIONS);
        }
        questions = BenchCorpus.questions();
        queries = questions.stream().map(q -> Query.of(q, embedder.embed(q))).toList();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Passage> search() {
        return index.search(queries.get(next++ % queries.size()), 3, 0.4);
    }

    /**
     * The same run's ceiling: only the dot products of one question with every passage vector (no
     * centering, lexical score or top-k). The search's cost is reported as a ratio to this, which
     * holds better than absolute figures on a shared, noisy machine.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float scanOnly() {
        float[] q = queries.get(next++ % queries.size()).vector();
        float best = -2;
        for (int row = 0; row < passages; row++) {
            best = Math.max(best, Vectors.dot(q, matrix, row));
        }
        return best;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Passage> embedQuestionAndSearch() {
        String question = questions.get(next++ % questions.size());
        return index.search(Query.of(question, embedder.embed(question)), 3, 0.4);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public TenantIndex buildIndex() {
        return TenantIndex.build(UUID.randomUUID(), 2, chunks, vectors, 10);
    }
}
