package dev.switchboard.core.inbound;

import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.conversation.Conversation;
import dev.switchboard.core.conversation.ConversationRepository;
import dev.switchboard.core.notify.Notifier;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handing a conversation to a person: when someone asks for one (a configurable word such as
 * "operator" or "человек") or the agent decides so. The conversation switches to {@code human},
 * the agent stays quiet in it, and the tenant's notification recipients are told.
 */
@Component
public class HandOff {

    private static final Logger log = LoggerFactory.getLogger(HandOff.class);

    private final List<String> words;
    private final Pattern phrases;
    private final String reply;
    private final ConversationRepository conversations;
    private final Notifier notifier;

    public HandOff(SwitchboardProperties properties, ConversationRepository conversations, Notifier notifier) {
        this.words = properties.agent().handoffPhrases().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        this.phrases = compile(words);
        this.reply = properties.agent().handoffReply();
        this.conversations = conversations;
        this.notifier = notifier;
    }

    /**
     * Whether the text asks for a person: one of the words, as a word of its own. The words are
     * looked for first as plain substrings; the pattern (which tries its look-behind at every
     * position of the text) runs only when one is there — it was a third of the workers' CPU in
     * the ingest benchmark, where no message asks for a person.
     */
    public boolean requested(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(lower::contains) && phrases.matcher(lower).find();
    }

    /** What the person who asked is told. */
    public String reply() {
        return reply;
    }

    /** Switches the conversation to a person and tells the tenant; runs in the caller's transaction. */
    public void handOver(UUID conversationId, String reason, String lastMessage) {
        Conversation conversation = conversations.findById(conversationId).orElseThrow();
        if (Conversation.HUMAN.equals(conversation.getMode())) {
            return;
        }
        conversation.switchTo(Conversation.HUMAN);
        notifier.notify("A conversation needs a person (" + reason + "), chat " + conversation.getChatId()
                + (lastMessage == null ? "" : ": \"" + abbreviate(lastMessage) + "\""), null);
        log.info("conversation handed to a person conversation={} reason={}", conversationId, reason);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static Pattern compile(List<String> words) {
        String alternatives = String.join("|", words.stream().map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])", Pattern.UNICODE_CASE);
    }
}
