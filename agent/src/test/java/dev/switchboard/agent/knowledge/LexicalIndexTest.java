package dev.switchboard.agent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalIndexTest {

    private final LexicalIndex index = LexicalIndex.of(List.of(
            List.of("sauna", "open", "15:00"),
            List.of("pool", "open", "8:00"),
            List.of("parking", "garage")));

    @Test
    void scoresTheShareOfTheQuestionsTermWeightAPassageHas() {
        float[] all = index.coverage(List.of("sauna", "open"));

        assertThat(all[0]).isCloseTo(1f, within(1e-6f));
        assertThat(all[1]).isGreaterThan(0f).isLessThan(all[0]);
        assertThat(all[2]).isZero();
    }

    @Test
    void aRareTermWeighsMoreThanACommonOne() {
        float[] scores = index.coverage(List.of("sauna", "open"));

        assertThat(scores[0] - scores[1]).as("the weight of 'sauna' alone").isGreaterThan(scores[1]);
    }

    @Test
    void aTermNoPassageHasStillCountsAgainstEveryPassage() {
        float[] scores = index.coverage(List.of("wifi", "password", "pool"));

        assertThat(scores[1]).isLessThan(0.5f);
        assertThat(index.coverage(List.of("wifi", "password"))).containsOnly(0f);
    }

    @Test
    void noTermsScoreNothing() {
        assertThat(index.coverage(List.of())).containsOnly(0f);
    }
}
