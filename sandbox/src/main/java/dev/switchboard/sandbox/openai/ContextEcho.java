package dev.switchboard.sandbox.openai;

import java.util.List;

/**
 * The default reply: deterministic and showing what reached the model.
 * <pre>
 * [model] &lt;last user message&gt;
 * sources: &lt;label&gt;; &lt;label&gt;            (only if context passages were marked)
 * history: &lt;n&gt; earlier messages            (only if there was conversation history)
 * </pre>
 * A context passage is a line of a system, developer or user message starting with
 * {@code [source: label]}; each label is listed once, in order of first appearance.
 */
final class ContextEcho {

    private ContextEcho() {
    }

    static String reply(ChatRequest request) {
        StringBuilder reply = new StringBuilder("[").append(request.model()).append("] ")
                .append(request.lastUserMessage());
        List<String> sources = request.sources();
        if (!sources.isEmpty()) {
            reply.append("\nsources: ").append(String.join("; ", sources));
        }
        int history = request.history().size();
        if (history > 0) {
            reply.append("\nhistory: ").append(history).append(history == 1 ? " earlier message" : " earlier messages");
        }
        return reply.toString();
    }
}
