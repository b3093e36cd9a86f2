package dev.switchboard.sandbox.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormattedTextTest {

    @Test
    void markdownV2ProducesTextAndEntities() {
        FormattedText text = FormattedText.parse("*Booking* _7QX2_ is __confirmed__ \\- see [details](https://ex.com/b?x=1\\)) ||pin||",
                "MarkdownV2");

        assertThat(text.text()).isEqualTo("Booking 7QX2 is confirmed - see details pin");
        assertThat(text.entities()).extracting(MessageEntity::type)
                .containsExactly("bold", "italic", "underline", "text_link", "spoiler");
        assertThat(text.entities().get(0)).isEqualTo(MessageEntity.of("bold", 0, 7));
        assertThat(text.entities().get(3).url()).isEqualTo("https://ex.com/b?x=1)");
    }

    @Test
    void markdownV2RejectsUnescapedReservedCharacters() {
        assertThatThrownBy(() -> FormattedText.parse("Total: 5.00 EUR", "MarkdownV2"))
                .hasMessage("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
        assertThatThrownBy(() -> FormattedText.parse("Room #12", "markdownv2"))
                .hasMessageContaining("Character '#' is reserved");
        assertThatThrownBy(() -> FormattedText.parse("ünclosed *bold", "MarkdownV2"))
                .hasMessage("Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 10");
    }

    @Test
    void markdownV2CodeNeedsOnlyBackticksEscaped() {
        FormattedText text = FormattedText.parse("`a.b-c` and ```java\nint x = 1;\n```", "MarkdownV2");

        assertThat(text.text()).isEqualTo("a.b-c and int x = 1;");
        assertThat(text.entities()).extracting(MessageEntity::type).containsExactly("code", "pre");
        assertThat(text.entities().get(1).language()).isEqualTo("java");
    }

    @Test
    void htmlProducesEntitiesAndDecodesCharacterReferences() {
        FormattedText text = FormattedText.parse("<b>Hi</b> &lt;Ann&gt; &amp; <a href=\"https://ex.com\">link</a> &#x1F600;",
                "HTML");

        assertThat(text.text()).isEqualTo("Hi <Ann> & link 😀");
        assertThat(text.entities()).extracting(MessageEntity::type).containsExactly("bold", "text_link");
        assertThat(text.entities().get(1).offset()).isEqualTo(11);
    }

    @Test
    void htmlPreWithCodeLanguageIsOneEntity() {
        FormattedText text = FormattedText.parse("<pre><code class=\"language-java\">int x;</code></pre>", "HTML");

        assertThat(text.entities()).containsExactly(new MessageEntity("pre", 0, 6, null, "java", null));
    }

    @Test
    void htmlRejectsWhatTelegramRejects() {
        assertThatThrownBy(() -> FormattedText.parse("<div>x</div>", "HTML")).hasMessageContaining("Unsupported start tag \"div\"");
        assertThatThrownBy(() -> FormattedText.parse("<b>open", "HTML"))
                .hasMessageContaining("Can't find end tag corresponding to start tag \"b\"");
        assertThatThrownBy(() -> FormattedText.parse("<b><i>x</b></i>", "HTML"))
                .hasMessageContaining("Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"");
    }

    @Test
    void legacyMarkdownDoesNotNest() {
        FormattedText text = FormattedText.parse("*bold _not italic_* [site](https://ex.com)", "Markdown");

        assertThat(text.text()).isEqualTo("bold _not italic_ site");
        assertThat(text.entities()).extracting(MessageEntity::type).containsExactly("bold", "text_link");
        assertThatThrownBy(() -> FormattedText.parse("snake_case", "Markdown"))
                .hasMessageContaining("Can't find end of the entity starting at byte offset 5");
    }

    @Test
    void offsetsCountUtf16AndSurroundingWhitespaceIsStripped() {
        FormattedText text = FormattedText.parse("  😀 *x*  ", "MarkdownV2");

        assertThat(text.text()).isEqualTo("😀 x");
        assertThat(text.entities()).containsExactly(MessageEntity.of("bold", 3, 1));
        assertThat(text.length()).isEqualTo(3);
    }

    @Test
    void unknownParseModesAreRejected() {
        assertThatThrownBy(() -> FormattedText.parse("x", "markdown2")).hasMessage("Bad Request: unsupported parse_mode");
        assertThat(FormattedText.parse("x.y", "none").text()).isEqualTo("x.y");
    }
}
