package dev.switchboard.sandbox.openai;

import java.util.List;

/**
 * A simple, documented token estimate in place of a tokenizer: about four characters per token
 * (rounded up), three tokens of framing per message and three to prime the reply — the shape of
 * OpenAI's own counting recipe, not its numbers.
 */
final class TokenCount {

    private static final int CHARS_PER_TOKEN = 4;

    private TokenCount() {
    }

    static int text(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    static int prompt(List<ChatMessage> messages) {
        int tokens = 3;
        for (ChatMessage message : messages) {
            tokens += 3 + text(message.content());
        }
        return tokens;
    }

    /** The reply cut to {@code maxTokens} tokens' worth of characters. */
    static String truncate(String reply, int maxTokens) {
        long limit = (long) maxTokens * CHARS_PER_TOKEN;
        return reply.length() <= limit ? reply : reply.substring(0, (int) limit);
    }
}
