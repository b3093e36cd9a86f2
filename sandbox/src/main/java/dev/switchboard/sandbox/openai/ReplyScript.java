package dev.switchboard.sandbox.openai;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the model says: queued one-shot replies first, then the first matching rule, else the
 * {@link ContextEcho}. Thread-safe.
 */
final class ReplyScript {

    private record Rule(Predicate<ChatRequest> matcher, Function<ChatRequest, String> reply) {
    }

    private final Deque<String> queued = new ArrayDeque<>();
    private final List<Rule> rules = new ArrayList<>();

    synchronized void enqueue(String text, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        for (int i = 0; i < times; i++) {
            queued.add(text);
        }
    }

    synchronized void when(Predicate<ChatRequest> matcher, Function<ChatRequest, String> reply) {
        rules.add(new Rule(matcher, reply));
    }

    synchronized String replyFor(ChatRequest request) {
        if (!queued.isEmpty()) {
            return queued.poll();
        }
        for (Rule rule : rules) {
            if (rule.matcher().test(request)) {
                return rule.reply().apply(request);
            }
        }
        return ContextEcho.reply(request);
    }

    synchronized void clear() {
        queued.clear();
        rules.clear();
    }
}
