package dev.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.agent.AgentReply;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplySplitterTest {

    @Test
    void leavesRepliesThatFitAlone() {
        AgentReply reply = AgentReply.say("short");

        assertThat(ReplySplitter.fit(reply, 4096)).isSameAs(reply);
    }

    @Test
    void cutsBetweenParagraphsFirst() {
        String text = "a".repeat(60) + "\n\n" + "b".repeat(60);

        assertThat(ReplySplitter.split(text, 100)).containsExactly("a".repeat(60), "b".repeat(60));
    }

    @Test
    void thenBetweenSentencesThenWords() {
        String sentences = "One two three four five six. Seven eight nine ten eleven twelve.";
        assertThat(ReplySplitter.split(sentences, 40)).containsExactly("One two three four five six.",
                "Seven eight nine ten eleven twelve.");

        String words = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
        List<String> parts = ReplySplitter.split(words, 20);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(20));
        assertThat(String.join(" ", parts)).isEqualTo(words);
    }

    @Test
    void cutsInsideAWordOnlyWhenThereIsNoOtherWayAndNeverSplitsASurrogatePair() {
        String emoji = "😀";
        String text = "x".repeat(9) + emoji + "y".repeat(10);

        List<String> parts = ReplySplitter.split(text, 10);

        assertThat(parts.get(0)).isEqualTo("x".repeat(9));
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void keepsTheHandOffOfASplitReply() {
        AgentReply reply = new AgentReply(List.of("word ".repeat(50)), true, "why");

        AgentReply fitted = ReplySplitter.fit(reply, 100);

        assertThat(fitted.messages()).hasSizeGreaterThan(2).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(100));
        assertThat(fitted.handOff()).isTrue();
        assertThat(fitted.handOffReason()).isEqualTo("why");
    }
}
