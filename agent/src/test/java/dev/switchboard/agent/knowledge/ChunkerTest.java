package dev.switchboard.agent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private final Chunker chunker = new Chunker(200, 60);

    @Test
    void cutsMarkdownAtHeadingsAndKeepsTheSectionPath() {
        List<Chunk> chunks = chunker.chunk("""
                # Spa
                Open daily.

                ## Sauna
                The sauna opens at 15:00
                and closes at 21:00.

                ## Pool
                - towels at the bar
                - heated to 28 °C
                """, DocumentFormat.MARKDOWN);

        assertThat(chunks).extracting(Chunk::heading).containsExactly("Spa", "Spa > Sauna", "Spa > Pool");
        assertThat(chunks).extracting(Chunk::ordinal).containsExactly(0, 1, 2);
        assertThat(chunks.get(1).text()).isEqualTo("The sauna opens at 15:00 and closes at 21:00.");
        assertThat(chunks.get(2).text()).isEqualTo("- towels at the bar\n- heated to 28 °C");
    }

    @Test
    void aHeadingWithoutTextMakesNoPassageAndADeeperHeadingIsForgottenAtTheNextSibling() {
        List<Chunk> chunks = chunker.chunk("""
                # Hotel
                ## Rooms
                ### Suites
                Two bedrooms.
                ## Food
                Breakfast at 7.
                """, DocumentFormat.MARKDOWN);

        assertThat(chunks).extracting(Chunk::heading).containsExactly("Hotel > Rooms > Suites", "Hotel > Food");
    }

    @Test
    void headingsInsideCodeFencesAreText() {
        List<Chunk> chunks = chunker.chunk("""
                # Setup
                ```
                # not a heading
                ```
                """, DocumentFormat.MARKDOWN);

        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).text()).contains("# not a heading");
    }

    @Test
    void packsParagraphsAndCutsLongOnesBetweenSentencesSharingShortBoundarySentences() {
        String sentence = "This sentence is about forty-five chars long. ";
        String paragraph = sentence.repeat(10).strip();

        List<Chunk> chunks = chunker.chunk(paragraph, DocumentFormat.TEXT);

        assertThat(chunks).hasSizeGreaterThan(2).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(200));
        assertThat(chunks).allSatisfy(c -> assertThat(c.heading()).isNull());
        String lastOfFirst = chunks.get(0).text().substring(chunks.get(0).text().lastIndexOf("This"));
        assertThat(chunks.get(1).text()).startsWith(lastOfFirst);
    }

    @Test
    void plainTextIgnoresHashMarksAndSplitsParagraphsOnBlankLines() {
        List<Chunk> chunks = new Chunker(100, 0).chunk("# not a heading\n\n" + "word ".repeat(30), DocumentFormat.TEXT);

        assertThat(chunks.get(0).heading()).isNull();
        assertThat(chunks.get(0).text()).startsWith("# not a heading");
    }

    @Test
    void cutsAnEndlessWordRatherThanLosingIt() {
        List<Chunk> chunks = new Chunker(100, 0).chunk("x".repeat(250), DocumentFormat.TEXT);

        assertThat(chunks).extracting(c -> c.text().length()).containsExactly(100, 100, 50);
    }

    @Test
    void labelsDoNotRepeatATitleThatIsAlsoTheFirstHeading() {
        assertThat(Chunk.label("Spa", "Spa > Sauna")).isEqualTo("Spa — Sauna");
        assertThat(Chunk.label("Spa", "Spa")).isEqualTo("Spa");
        assertThat(Chunk.label("Spa", null)).isEqualTo("Spa");
        assertThat(Chunk.label("Hotel", "Rooms > Suites")).isEqualTo("Hotel — Rooms > Suites");
        assertThat(Chunk.indexedText("Spa", "Spa > Sauna", "Hot.")).isEqualTo("Spa — Sauna\nHot.");
    }

    @Test
    void refusesSizesThatCannotWork() {
        assertThatThrownBy(() -> new Chunker(50, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(200, 150)).isInstanceOf(IllegalArgumentException.class);
    }
}
