package dev.switchboard.agent.knowledge;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What adding a document costs: cutting it into passages and embedding them with the in-process
 * model (all CPUs), one ~1 KB document of the labelled set per operation, so ops/s = documents/s;
 * and one question's embedding. Run with {@code bench/agent/run.sh}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class EmbeddingBenchmark {

    private MiniLmEmbedder embedder;
    private Chunker chunker;
    private List<BenchCorpus.Document> documents;
    private List<String> questions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        embedder = new MiniLmEmbedder(Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        embedder.warmUp();
        System.out.printf("%nmodel load: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        chunker = new Chunker(800, 150);
        documents = BenchCorpus.documents();
        questions = BenchCorpus.questions();
        int passages = documents.stream().mapToInt(d -> chunker.chunk(d.content(), DocumentFormat.MARKDOWN).size()).sum();
        int bytes = documents.stream().mapToInt(d -> d.content().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        System.out.printf("corpus: %d documents, %d passages, %d bytes%n", documents.size(), passages, bytes);
    }

    /** One document: chunk it and embed its passages in one batch. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<float[]> embedDocument() {
        BenchCorpus.Document document = documents.get(next++ % documents.size());
        List<Chunk> chunks = chunker.chunk(document.content(), DocumentFormat.MARKDOWN);
        return embedder.embedAll(chunks.stream().map(c -> Chunk.indexedText(document.title(), c.heading(), c.text())).toList());
    }

    /**
     * The largest document accepted: 1 MB of the corpus's sections (English and Russian, numbered
     * so none repeats), cut and embedded once per iteration; the time a {@code POST} of it takes.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public int embedOneMegabyteDocument() {
        StringBuilder content = new StringBuilder();
        for (int copy = 0; content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 1_000_000; copy++) {
            for (BenchCorpus.Document document : documents) {
                content.append(document.content().replaceAll("(?m)^(#+ .*)$", "$1 (" + copy + ")")).append("\n\n");
            }
        }
        List<Chunk> chunks = chunker.chunk(content.toString(), DocumentFormat.MARKDOWN);
        return embedder.embedAll(chunks.stream().map(c -> Chunk.indexedText("Handbook", c.heading(), c.text())).toList())
                .size();
    }

    /** One question: what every search pays before it can scan. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float[] embedQuestion() {
        return embedder.embed(questions.get(next++ % questions.size()));
    }
}
