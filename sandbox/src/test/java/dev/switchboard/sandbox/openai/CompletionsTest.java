package dev.switchboard.sandbox.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionsTest {

    @Test
    void streamPiecesConcatenateToTheContent() {
        assertThat(Completions.pieces("Table for  four\nat 19:00. ")).containsExactly("Table ", "for  ", "four\n",
                "at ", "19:00. ");
        assertThat(String.join("", Completions.pieces("a b\n\nc"))).isEqualTo("a b\n\nc");
        assertThat(Completions.pieces("")).isEmpty();
    }

    @Test
    void tokenEstimate() {
        assertThat(TokenCount.text("")).isZero();
        assertThat(TokenCount.text("abcd")).isEqualTo(1);
        assertThat(TokenCount.text("abcde")).isEqualTo(2);
        assertThat(TokenCount.prompt(List.of(new ChatMessage("user", "abcdefgh")))).isEqualTo(3 + 3 + 2);
        assertThat(TokenCount.truncate("abcdefghij", 2)).isEqualTo("abcdefgh");
    }

    @Test
    void sourceMarkersAreFoundAtLineStartsOfNonAssistantMessages() {
        ChatRequest request = new ChatRequest("m", List.of(
                new ChatMessage("system", "  [Source: a.md] x\nnot [source: b.md] mid-line\n[source: ] empty"),
                new ChatMessage("assistant", "[source: c.md] said by the model"),
                new ChatMessage("user", "[source: d.md]\nquestion")), null, null, false, false, Instant.now());
        assertThat(request.sources()).containsExactly("a.md", "d.md");
        assertThat(request.history()).extracting(ChatMessage::role).containsExactly("assistant");
        assertThat(request.lastUserMessage()).isEqualTo("[source: d.md]\nquestion");
    }
}
