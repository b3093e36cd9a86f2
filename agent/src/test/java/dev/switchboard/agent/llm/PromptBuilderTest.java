package dev.switchboard.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.switchboard.agent.knowledge.Passage;
import dev.switchboard.core.agent.AgentRequest.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

    private final TokenCounter tokens = new TokenCounter();

    @Test
    void putsThePromptTheInstructionsAndMarkedPassagesIntoTheSystemMessage() {
        Prompt prompt = new PromptBuilder(tokens, 1000, 1000).build("You are Aurora's concierge.",
                List.of(passage("Spa", "Spa > Sauna", "The sauna door code is 7391.")), List.of(), "sauna code?");

        String system = ((SystemMessage) prompt.messages().get(0)).text();
        assertThat(system).startsWith("You are Aurora's concierge.").contains(PromptBuilder.INSTRUCTIONS)
                .contains("\n[source: Spa — Sauna] The sauna door code is 7391.");
        assertThat(((UserMessage) prompt.messages().get(1)).singleText()).isEqualTo("sauna code?");
        assertThat(prompt.passages()).hasSize(1);
    }

    @Test
    void usesADefaultPromptAndSaysSoWhenNothingMatched() {
        Prompt prompt = new PromptBuilder(tokens, 1000, 1000).build(null, List.of(), List.of(), "hi");

        String system = ((SystemMessage) prompt.messages().get(0)).text();
        assertThat(system).startsWith(PromptBuilder.DEFAULT_PROMPT).contains("No passage");
    }

    @Test
    void includesPassagesBestFirstWhileTheyFitTheTokenBudget() {
        Passage big = passage("Big", null, "word ".repeat(300));
        Passage small1 = passage("One", null, "The pool opens at 8.");
        Passage small2 = passage("Two", null, "The gym is open all day.");

        Prompt prompt = new PromptBuilder(tokens, 60, 1000).build(null, List.of(small1, big, small2), List.of(), "q");

        assertThat(prompt.passages()).containsExactly(small1, small2);
        assertThat(((SystemMessage) prompt.messages().get(0)).text()).doesNotContain("[source: Big]");
    }

    @Test
    void keepsTheNewestHistoryThatFitsItsTokenBudgetNotACountOfMessages() {
        List<Turn> history = new ArrayList<>();
        history.add(turn("in", "a very long message ".repeat(100)));
        for (int i = 0; i < 12; i++) {
            history.add(turn(i % 2 == 0 ? "in" : "out", "short " + i));
        }

        Prompt prompt = new PromptBuilder(tokens, 1000, 100).build(null, List.of(), history, "now");

        assertThat(prompt.historyTurns()).isEqualTo(12);
        assertThat(prompt.messages().get(1)).isInstanceOf(UserMessage.class);
        assertThat(((UserMessage) prompt.messages().get(1)).singleText()).isEqualTo("short 0");
        assertThat(((AiMessage) prompt.messages().get(2)).text()).isEqualTo("short 1");
        assertThat(prompt.messages()).hasSize(14);

        Prompt tight = new PromptBuilder(tokens, 1000, 20).build(null, List.of(), history, "now");
        assertThat(tight.historyTurns()).isBetween(1, 4);
        assertThat(((UserMessage) tight.messages().get(tight.messages().size() - 1)).singleText()).isEqualTo("now");
    }

    @Test
    void skipsEarlierMessagesWithoutText() {
        Prompt prompt = new PromptBuilder(tokens, 1000, 1000).build(null, List.of(),
                List.of(turn("in", null), turn("in", "hello")), "now");

        assertThat(prompt.historyTurns()).isEqualTo(1);
    }

    @Test
    void aBracketInATitleCannotEndTheSourceLabelEarly() {
        assertThat(PromptBuilder.source(passage("Menu [2026]", null, "Soup."))).isEqualTo("[source: Menu (2026)] Soup.");
    }

    private static Passage passage(String title, String heading, String text) {
        return new Passage(UUID.randomUUID(), title, heading, text, 0.5, 0.5, 0.5);
    }

    private static Turn turn(String direction, String text) {
        return new Turn(direction, "text", text, Instant.now());
    }
}
