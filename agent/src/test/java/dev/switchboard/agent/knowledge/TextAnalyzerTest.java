package dev.switchboard.agent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    @Test
    void keepsNumbersWithTheirInnerSeparatorsWhole() {
        assertThat(TextAnalyzer.tokens("Check-in at 14:00, max height 1.90 m; 3,5 km.")).containsExactly(
                "check", "in", "at", "14:00", "max", "height", "1.90", "m", "3,5", "km");
    }

    @Test
    void dropsStopWordsAndStemsEnglishInflections() {
        assertThat(TextAnalyzer.terms("Can I charge my car while parking?")).containsExactly("charg", "car", "whil", "park");
        assertThat(TextAnalyzer.terms("charging stations")).isEqualTo(TextAnalyzer.terms("charge station"));
        assertThat(TextAnalyzer.terms("massages")).isEqualTo(TextAnalyzer.terms("massage"));
    }

    @Test
    void stemsRussianCaseEndingsSoThatFormsOfAWordMeet() {
        assertThat(TextAnalyzer.terms("баня")).isEqualTo(TextAnalyzer.terms("бани")).isEqualTo(TextAnalyzer.terms("баню"));
        assertThat(TextAnalyzer.terms("экскурсия")).isEqualTo(TextAnalyzer.terms("экскурсии"));
        assertThat(TextAnalyzer.terms("детская кроватка")).isEqualTo(TextAnalyzer.terms("детские кроватки"));
        assertThat(TextAnalyzer.terms("Сколько стоит парковка?")).containsExactly("сто", "парков");
    }

    @Test
    void foldsYoAndCase() {
        assertThat(TextAnalyzer.terms("Ёлка")).isEqualTo(TextAnalyzer.terms("елка"));
    }
}
