package dev.switchboard.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.AppIT;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retrieval quality on the labelled set in {@code src/test/resources/knowledge/retrieval-set}: 12
 * documents (6 English, 6 Russian), 24 English and 24 Russian questions that name the passage
 * answering them, 4 Russian questions about English-only facts, 12 questions nothing answers.
 * Through the API, with the real embedding model, as a tenant would see it.
 *
 * <p>Floors: measured top-3 hit rates were 1.00 (English) and 0.96 (Russian) when this was
 * written, with 0 of 12 unanswerable questions answered; the floors (0.90, 0.85, at most 2) allow
 * two or three misses per language from changes in chunking or weights before the test calls it a
 * regression, while vectors alone (Russian 0.75) would fail them. Cross-lingual questions are
 * reported, not asserted: the model is English-only and they fail.
 */
class RetrievalQualityIT extends AppIT {

    private static final String SET = "/knowledge/retrieval-set/";
    private static final double FAQ_THRESHOLD = 0.2;

    private record Tally(int[] counts) {
        Tally() {
            this(new int[6]);
        }
    }

    @Test
    void topThreeHitRatesPerLanguageClearTheirFloors() throws IOException {
        TestTenant tenant = newTenant("quality");
        JsonNode set = JsonMapper.builder().build().readTree(resource("questions.json"));
        Map<String, String> documentIds = upload(tenant, set);

        Map<String, Tally> tallies = new TreeMap<>();
        int unanswerable = 0;
        int falseAnswers = 0;
        for (JsonNode question : set.path("questions")) {
            List<JsonNode> top = search(tenant, question.path("question").asString());
            double best = top.isEmpty() ? 0 : top.get(0).path("score").asDouble();
            if (question.path("document").isNull()) {
                unanswerable++;
                falseAnswers += best >= FAQ_THRESHOLD ? 1 : 0;
                continue;
            }
            String expect = question.path("expect").asString();
            String document = documentIds.get(question.path("document").asString());
            int[] t = tallies.computeIfAbsent(question.path("lang").asString(), l -> new Tally()).counts();
            t[0]++;
            t[1] += !top.isEmpty() && top.get(0).path("text").asString().contains(expect) ? 1 : 0;
            t[2] += top.stream().anyMatch(p -> p.path("text").asString().contains(expect)) ? 1 : 0;
            t[3] += top.stream().anyMatch(p -> p.path("documentId").asString().equals(document)) ? 1 : 0;
            boolean answered = best >= FAQ_THRESHOLD;
            t[4] += answered && top.get(0).path("text").asString().contains(expect) ? 1 : 0;
            t[5] += answered ? 0 : 1;
        }

        StringBuilder report = new StringBuilder("retrieval quality (k=3, passage hit = the passage holding the answer):");
        tallies.forEach((lang, tally) -> {
            int[] t = tally.counts();
            report.append(String.format("%n  %-5s n=%2d  top-1 %.2f  top-3 %.2f  document in top-3 %.2f  "
                            + "faq answers right %.2f, hands over %.2f", lang, t[0], rate(t[1], t[0]), rate(t[2], t[0]),
                    rate(t[3], t[0]), rate(t[4], t[0]), rate(t[5], t[0])));
        });
        report.append(String.format("%n  unanswerable n=%d: faq would answer %d of them (threshold %.2f)", unanswerable,
                falseAnswers, FAQ_THRESHOLD));
        System.out.println(report);

        assertThat(tallies.get("en").counts()[0]).isGreaterThanOrEqualTo(20);
        assertThat(tallies.get("ru").counts()[0]).isGreaterThanOrEqualTo(20);
        assertThat(top3(tallies.get("en"))).as(report.toString()).isGreaterThanOrEqualTo(0.90);
        assertThat(top3(tallies.get("ru"))).as(report.toString()).isGreaterThanOrEqualTo(0.85);
        assertThat(falseAnswers).as(report.toString()).isLessThanOrEqualTo(2);
    }

    private Map<String, String> upload(TestTenant tenant, JsonNode set) throws IOException {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode question : set.path("questions")) {
            String name = question.path("document").isNull() ? null : question.path("document").asString();
            if (name != null && !ids.containsKey(name)) {
                String content = new String(resource("documents/" + name).readAllBytes(), StandardCharsets.UTF_8);
                String title = content.lines().findFirst().orElseThrow().replaceFirst("^#\\s*", "");
                ids.put(name, AgentIT.addDocument(tenant, title, content));
            }
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
        return ids;
    }

    private static List<JsonNode> search(TestTenant tenant, String q) {
        Api.Response found = tenant.api().get("/api/v1/knowledge/search?k=3&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().path("items").valueStream().toList();
    }

    private static double top3(Tally tally) {
        return rate(tally.counts()[2], tally.counts()[0]);
    }

    private static double rate(int hits, int total) {
        return total == 0 ? 0 : (double) hits / total;
    }

    private static InputStream resource(String name) {
        InputStream in = RetrievalQualityIT.class.getResourceAsStream(SET + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
