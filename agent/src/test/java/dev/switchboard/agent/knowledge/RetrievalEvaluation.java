package dev.switchboard.agent.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ablation behind the retrieval settings: the labelled set (app's test resources) under
 * vector-only, lexical-only and hybrid ranking, with and without per-script centering. Prints
 * top-1/top-3 passage hit rates per language and what the faq threshold does with the unanswerable
 * questions. Not a test: run it with {@code bench/agent/evaluate.sh}.
 */
public final class RetrievalEvaluation {

    private record Config(String name, double lexicalWeight, int centeringPrior) {
    }

    private static final List<Config> CONFIGS = List.of(
            new Config("vector only", 0, -1),
            new Config("vector, centered", 0, 10),
            new Config("lexical only", 1, -1),
            new Config("hybrid 0.4", 0.4, -1),
            new Config("hybrid 0.4, centered (default)", 0.4, 10),
            new Config("hybrid 0.3, centered", 0.3, 10),
            new Config("hybrid 0.5, centered", 0.5, 10));

    public static void main(String[] args) throws Exception {
        double threshold = args.length > 0 ? Double.parseDouble(args[0]) : 0.2;
        Path set = BenchCorpus.locate();
        JsonNode questions = JsonMapper.builder().build().readTree(Files.readString(set.resolve("questions.json")))
                .path("questions");
        MiniLmEmbedder embedder = new MiniLmEmbedder(Runtime.getRuntime().availableProcessors());
        Chunker chunker = new Chunker(800, 150);
        List<IndexedChunk> chunks = new ArrayList<>();
        Map<UUID, String> names = new HashMap<>();
        for (BenchCorpus.Document document : BenchCorpus.documents()) {
            UUID id = UUID.randomUUID();
            names.put(id, document.title());
            for (Chunk c : chunker.chunk(document.content(), DocumentFormat.MARKDOWN)) {
                chunks.add(new IndexedChunk(id, document.title(), c.ordinal(), c.heading(), c.text()));
            }
        }
        List<float[]> vectors = embedder.embedAll(chunks.stream().map(IndexedChunk::indexedText).toList());
        Map<String, float[]> questionVectors = new HashMap<>();
        for (JsonNode q : questions) {
            questionVectors.put(q.path("question").asString(), embedder.embed(q.path("question").asString()));
        }
        System.out.printf("%d passages; faq threshold %.2f; top-1 / top-3 = passage holding the answer ranked first / "
                + "in the first three%n%n", chunks.size(), threshold);
        System.out.printf("%-32s %-23s %-23s %-12s %-13s %s%n", "ranking", "en top-1 top-3 answer", "ru top-1 top-3 answer",
                "ru-en top-3", "unanswerable", "best single threshold: right / wrong / handed over (of 52)");
        for (Config config : CONFIGS) {
            TenantIndex index = TenantIndex.build(UUID.randomUUID(), 1, chunks, vectors, config.centeringPrior());
            Map<String, int[]> tallies = new TreeMap<>();
            int falseAnswers = 0;
            int unanswerable = 0;
            List<double[]> outcomes = new ArrayList<>();
            for (JsonNode q : questions) {
                String text = q.path("question").asString();
                List<Passage> top = index.search(Query.of(text, questionVectors.get(text)), 3, config.lexicalWeight());
                boolean answers = top.get(0).score() >= threshold;
                if (q.path("document").isNull()) {
                    unanswerable++;
                    falseAnswers += answers ? 1 : 0;
                    outcomes.add(new double[]{top.get(0).score(), 0, 0});
                    continue;
                }
                outcomes.add(new double[]{top.get(0).score(), 1, top.get(0).text().contains(q.path("expect").asString()) ? 1 : 0});
                String expect = q.path("expect").asString();
                int[] t = tallies.computeIfAbsent(q.path("lang").asString(), l -> new int[4]);
                t[0]++;
                t[1] += top.get(0).text().contains(expect) ? 1 : 0;
                t[2] += top.stream().anyMatch(p -> p.text().contains(expect)) ? 1 : 0;
                t[3] += answers && top.get(0).text().contains(expect) ? 1 : 0;
            }
            System.out.printf("%-32s %-23s %-23s %-12s %-13s %s%n", config.name(), rates(tallies.get("en")),
                    rates(tallies.get("ru")), String.format("%.2f", (double) tallies.get("ru-en")[2] / tallies.get("ru-en")[0]),
                    falseAnswers + " of " + unanswerable, bestThreshold(outcomes));
        }
        System.exit(0);
    }

    /**
     * The single faq threshold that does best for this ranking (a right answer counts 1, a wrong one
     * -2: a wrong answer is worse than a hand-over), with what it does.
     *
     * @param outcomes per question: top score, answerable (1/0), top passage right (1/0)
     */
    private static String bestThreshold(List<double[]> outcomes) {
        double best = Double.NEGATIVE_INFINITY;
        String described = "";
        for (double[] candidate : outcomes) {
            double t = candidate[0];
            int right = 0;
            int wrong = 0;
            int handedOver = 0;
            for (double[] o : outcomes) {
                boolean answers = o[0] >= t;
                right += answers && o[2] == 1 ? 1 : 0;
                wrong += answers && o[2] == 0 ? 1 : 0;
                handedOver += !answers && o[1] == 1 ? 1 : 0;
            }
            if (right - 2.0 * wrong > best) {
                best = right - 2.0 * wrong;
                described = String.format("t=%.2f: %d / %d / %d", t, right, wrong, handedOver);
            }
        }
        return described;
    }

    private static String rates(int[] t) {
        return String.format("%.2f  %.2f  %.2f", (double) t[1] / t[0], (double) t[2] / t[0], (double) t[3] / t[0]);
    }
}
