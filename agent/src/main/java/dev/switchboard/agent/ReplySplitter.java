package dev.switchboard.agent;

import dev.switchboard.core.agent.AgentReply;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts replies longer than the channel carries (Telegram: 4,096 characters) into several
 * messages: between paragraphs where possible, else between sentences, else between words, and
 * only as a last resort inside a word.
 */
final class ReplySplitter {

    private ReplySplitter() {
    }

    static AgentReply fit(AgentReply reply, int maxLength) {
        if (maxLength <= 0 || reply.messages().stream().allMatch(m -> m.length() <= maxLength)) {
            return reply;
        }
        List<String> messages = new ArrayList<>();
        reply.messages().forEach(message -> messages.addAll(split(message, maxLength)));
        return new AgentReply(messages, reply.handOff(), reply.handOffReason());
    }

    static List<String> split(String text, int maxLength) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > maxLength) {
            int cut = cut(rest, maxLength);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Where to cut {@code text} so that the first part has at most {@code max} characters. */
    private static int cut(String text, int max) {
        String window = text.substring(0, max + 1);
        int paragraph = window.lastIndexOf("\n\n");
        if (paragraph >= max / 2) {
            return paragraph;
        }
        int sentence = lastSentenceEnd(window);
        if (sentence >= max / 2) {
            return sentence;
        }
        int space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
        if (space >= max / 2) {
            return space;
        }
        boolean splitsSurrogate = Character.isHighSurrogate(text.charAt(max - 1));
        return splitsSurrogate ? max - 1 : max;
    }

    private static int lastSentenceEnd(String window) {
        for (int i = window.length() - 2; i > 0; i--) {
            char c = window.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '…') && Character.isWhitespace(window.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }
}
