package dev.switchboard.agent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real in-jar model: unit vectors of 384 dimensions whose cosine follows meaning (in English). */
class MiniLmEmbedderIT {

    private static final MiniLmEmbedder embedder = new MiniLmEmbedder(2);

    @Test
    void loadsTheModelOnFirstUseOrWarmUpOnce() {
        MiniLmEmbedder fresh = new MiniLmEmbedder(1);
        assertThat(fresh.loaded()).isFalse();

        fresh.warmUp();

        assertThat(fresh.loaded()).isTrue();
        assertThat(fresh.model()).isEqualTo("all-minilm-l6-v2");
    }

    @Test
    void embedsIntoUnitVectorsOf384Dimensions() {
        float[] vector = embedder.embed("Breakfast is served from 7:00 to 10:30.");

        assertThat(vector).hasSize(384);
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void similarMeaningsAreCloserThanUnrelatedOnes() {
        List<float[]> v = embedder.embedAll(List.of(
                "When is breakfast served?",
                "Breakfast is a buffet from 7:00 to 10:30 in the Garden Room.",
                "The underground garage costs 18 EUR per night."));

        double related = dot(v.get(0), v.get(1));
        double unrelated = dot(v.get(0), v.get(2));
        assertThat(related).isGreaterThan(0.5);
        assertThat(unrelated).isLessThan(0.2);
    }

    @Test
    void batchAndSingleEmbeddingAgree() {
        String text = "Баня на дровах стоит 3500 рублей.";

        float[] single = embedder.embed(text);
        float[] batch = embedder.embedAll(List.of("other", text)).get(1);

        assertThat(dot(single, batch)).isCloseTo(1.0, within(1e-4));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
