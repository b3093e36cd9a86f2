package dev.switchboard.agent.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.switchboard.agent.knowledge.Passage;
import java.util.List;

/**
 * What is sent to the model, and what of the context made it in.
 *
 * @param passages       the passages included, best first
 * @param historyTurns   how many earlier messages were included
 * @param estimatedTokens the prompt's size by {@link TokenCounter}
 */
public record Prompt(List<ChatMessage> messages, List<Passage> passages, int historyTurns, int estimatedTokens) {
}
