package dev.switchboard.sandbox.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A chat-completions request as the emulator received it. The API key itself is never kept:
 * only whether an {@code Authorization} header was present.
 *
 * @param temperature null when absent
 * @param maxTokens   {@code max_completion_tokens}, else {@code max_tokens}; null when absent
 */
public record ChatRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
        boolean stream, boolean authorizationPresent, Instant at) {

    /** Lines starting with this mark a context passage: {@code [source: <label>] <text>}. */
    public static final String SOURCE_MARK = "[source:";

    public ChatRequest {
        messages = List.copyOf(messages);
    }

    /** The content of the last {@code user} message, "" if there is none. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    /** The system (and developer) messages joined by newlines, "" if there are none. */
    public String systemPrompt() {
        return String.join("\n", messages.stream()
                .filter(message -> message.role().equals("system") || message.role().equals("developer"))
                .map(ChatMessage::content).toList());
    }

    /**
     * Labels of the context passages: every line of a system, developer or user message that
     * starts with {@code [source: label]}, distinct, in order of first appearance.
     */
    public List<String> sources() {
        Set<String> labels = new LinkedHashSet<>();
        for (ChatMessage message : messages) {
            if (message.role().equals("assistant") || message.role().equals("tool")) {
                continue;
            }
            for (String line : message.content().split("\n")) {
                String trimmed = line.strip();
                int close = trimmed.indexOf(']');
                if (trimmed.regionMatches(true, 0, SOURCE_MARK, 0, SOURCE_MARK.length()) && close > 0) {
                    String label = trimmed.substring(SOURCE_MARK.length(), close).strip();
                    if (!label.isEmpty()) {
                        labels.add(label);
                    }
                }
            }
        }
        return new ArrayList<>(labels);
    }

    /** User and assistant messages before the last user message: the conversation history. */
    public List<ChatMessage> history() {
        int last = -1;
        for (int i = messages.size() - 1; i >= 0 && last < 0; i--) {
            if (messages.get(i).role().equals("user")) {
                last = i;
            }
        }
        List<ChatMessage> history = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            String role = messages.get(i).role();
            if (role.equals("user") || role.equals("assistant")) {
                history.add(messages.get(i));
            }
        }
        return history;
    }
}
