package dev.switchboard.agent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantIndexTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID DOC = UUID.randomUUID();

    private final List<IndexedChunk> chunks = List.of(
            new IndexedChunk(DOC, "Spa", 0, "Sauna", "The sauna opens at 15:00."),
            new IndexedChunk(DOC, "Spa", 1, "Pool", "The pool is heated."),
            new IndexedChunk(DOC, "Garage", 2, null, "Parking costs 18 EUR."));
    private final List<float[]> vectors = List.of(new float[]{1, 0, 0}, new float[]{0, 1, 0}, new float[]{0, 0, 1});

    @Test
    void ranksByCosineWhenTheLexicalWeightIsZero() {
        TenantIndex index = TenantIndex.build(TENANT, 1, chunks, vectors, -1);

        List<Passage> found = index.search(new Query("?", new float[]{0.8f, 0.6f, 0}, List.of()), 2, 0);

        assertThat(found).extracting(Passage::heading).containsExactly("Sauna", "Pool");
        assertThat(found.get(0).similarity()).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(found.get(0).title()).isEqualTo("Spa");
        assertThat(found.get(0).documentId()).isEqualTo(DOC);
    }

    @Test
    void aLexicalMatchCanOutrankAVectorMatch() {
        TenantIndex index = TenantIndex.build(TENANT, 1, chunks, vectors, -1);
        Query query = new Query("parking", new float[]{0.8f, 0.6f, 0}, TextAnalyzer.terms("parking"));

        assertThat(index.search(query, 1, 0.0).get(0).heading()).isEqualTo("Sauna");
        Passage best = index.search(query, 1, 0.6).get(0);
        assertThat(best.text()).contains("Parking");
        assertThat(best.lexical()).isGreaterThan(0);
        assertThat(best.score()).isEqualTo(0.4 * best.similarity() + 0.6 * best.lexical(),
                org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void returnsAtMostWhatItHas() {
        TenantIndex index = TenantIndex.build(TENANT, 1, chunks, vectors, 10);

        assertThat(index.search(new Query("x", new float[]{1, 0, 0}, List.of()), 10, 0.4)).hasSize(3);
        assertThat(TenantIndex.empty(TENANT, 0).search(new Query("x", new float[]{1, 0, 0}, List.of()), 3, 0.4)).isEmpty();
    }

    @Test
    void centeringSeparatesPassagesThatShareOneDirection() {
        // three "Russian" passages that all lean on axis 0, as the English model makes them
        List<IndexedChunk> russian = List.of(
                new IndexedChunk(DOC, "Баня", 0, null, "Баня стоит 3500 рублей."),
                new IndexedChunk(DOC, "Баня", 1, null, "Веники продаются на месте."),
                new IndexedChunk(DOC, "Баня", 2, null, "Купель с холодной водой."));
        List<float[]> leaning = List.of(unit(0.9f, 0.3f, 0), unit(0.9f, 0, 0.3f), unit(0.9f, -0.2f, -0.2f));
        Query question = new Query("Сколько стоит баня?", unit(0.9f, 0.3f, 0.05f), List.of());

        List<Passage> raw = TenantIndex.build(TENANT, 1, russian, leaning, -1).search(question, 3, 0);
        List<Passage> centered = TenantIndex.build(TENANT, 1, russian, leaning, 0).search(question, 3, 0);

        assertThat(raw.get(2).similarity()).as("uncentered: everything looks alike").isGreaterThan(0.7);
        assertThat(centered.get(0).text()).contains("3500");
        assertThat(centered.get(2).similarity()).as("centered: unrelated is far").isLessThan(0.3);
    }

    @Test
    void refusesAQuestionOfAnotherDimension() {
        TenantIndex index = TenantIndex.build(TENANT, 1, chunks, vectors, -1);

        assertThatThrownBy(() -> index.search(new Query("x", new float[]{1, 0}, List.of()), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] unit(float... v) {
        return Vectors.normalize(v);
    }
}
