package dev.switchboard.agent.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.switchboard.agent.knowledge.Passage;
import dev.switchboard.core.agent.AgentRequest.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the chat for the model: a system message (the tenant's prompt, how to use the passages,
 * how to hand over, then the passages, each on a line starting {@code [source: title — section]}),
 * the conversation's earlier messages (newest first until the history budget is spent, then in
 * order), and the new message. Budgets are in tokens, not messages: ten one-word messages cost
 * less than one pasted e-mail.
 */
public final class PromptBuilder {

    /** What the model answers, alone, when a person should take over. */
    public static final String HANDOFF = "HANDOFF";

    static final String DEFAULT_PROMPT = "You are the assistant of this business in a chat with a customer. "
            + "Answer briefly and politely, in the customer's language.";

    static final String INSTRUCTIONS = "Answer from the passages below when they are relevant and do not invent "
            + "facts such as prices, times or rules that they do not state. If you cannot help and a person of the "
            + "business should take over, answer with the single word " + HANDOFF + ".";

    private final TokenCounter tokens;
    private final int contextTokens;
    private final int historyTokens;

    public PromptBuilder(TokenCounter tokens, int contextTokens, int historyTokens) {
        this.tokens = tokens;
        this.contextTokens = contextTokens;
        this.historyTokens = historyTokens;
    }

    public Prompt build(String systemPrompt, List<Passage> ranked, List<Turn> history, String message) {
        List<Passage> included = fit(ranked);
        String system = system(systemPrompt, included);
        List<ChatMessage> earlier = recent(history);
        List<ChatMessage> messages = new ArrayList<>(earlier.size() + 2);
        messages.add(SystemMessage.from(system));
        messages.addAll(earlier);
        messages.add(UserMessage.from(message));
        int estimate = tokens.count(system) + tokens.count(message) + TokenCounter.PER_MESSAGE * messages.size();
        for (ChatMessage turn : earlier) {
            estimate += tokens.count(text(turn));
        }
        return new Prompt(messages, included, earlier.size(), estimate);
    }

    /** The best passages that fit the context budget; one that does not fit makes room for smaller ones after it. */
    private List<Passage> fit(List<Passage> ranked) {
        List<Passage> included = new ArrayList<>();
        int spent = 0;
        for (Passage passage : ranked) {
            int cost = tokens.count(source(passage));
            if (spent + cost <= contextTokens) {
                included.add(passage);
                spent += cost;
            }
        }
        return included;
    }

    private static String system(String systemPrompt, List<Passage> passages) {
        StringBuilder system = new StringBuilder(systemPrompt == null || systemPrompt.isBlank()
                ? DEFAULT_PROMPT : systemPrompt.strip());
        system.append("\n\n").append(INSTRUCTIONS).append("\n\n");
        if (passages.isEmpty()) {
            system.append("No passage of the business's documents matches this message.");
        } else {
            system.append("Passages from the business's documents:");
            for (Passage passage : passages) {
                system.append("\n\n").append(source(passage));
            }
        }
        return system.toString();
    }

    /** One passage, its first line marked with its title and section. */
    static String source(Passage passage) {
        return "[source: " + passage.label().replace('[', '(').replace(']', ')').replace('\n', ' ') + "] " + passage.text();
    }

    /** The newest earlier messages that fit the history budget, oldest first; messages without text are skipped. */
    private List<ChatMessage> recent(List<Turn> history) {
        List<ChatMessage> kept = new ArrayList<>();
        int spent = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            Turn turn = history.get(i);
            if (turn.text() == null || turn.text().isBlank()) {
                continue;
            }
            int cost = tokens.count(turn.text()) + TokenCounter.PER_MESSAGE;
            if (spent + cost > historyTokens) {
                break;
            }
            spent += cost;
            kept.add(0, "out".equals(turn.direction()) ? AiMessage.from(turn.text()) : UserMessage.from(turn.text()));
        }
        return kept;
    }

    private static String text(ChatMessage message) {
        if (message instanceof UserMessage user) {
            return user.singleText();
        }
        if (message instanceof AiMessage ai) {
            return ai.text();
        }
        return message instanceof SystemMessage system ? system.text() : "";
    }
}
