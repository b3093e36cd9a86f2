package dev.switchboard.agent.faq;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Greetings and thanks, which no document answers: without this, "hello" would find no passage
 * and hand every new conversation to a person. Only messages that are nothing but a greeting or
 * thanks (with punctuation and an emoji or two) count; "hi, where do I park?" is a question.
 */
final class SmallTalk {

    private final Pattern greeting;
    private final Pattern thanks;
    private final FaqProperties.Replies replies;

    SmallTalk(FaqProperties properties) {
        this.greeting = whole(properties.greetings());
        this.thanks = whole(properties.thanks());
        this.replies = properties.replies();
    }

    Optional<String> answer(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.toLowerCase(Locale.ROOT).strip();
        boolean russian = normalized.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
        if (greeting.matcher(normalized).matches()) {
            return Optional.of(russian ? replies.greetingRu() : replies.greeting());
        }
        if (thanks.matcher(normalized).matches()) {
            return Optional.of(russian ? replies.welcomeRu() : replies.welcome());
        }
        return Optional.empty();
    }

    /** One or more of the words, separated and followed by anything that is not a letter or digit. */
    private static Pattern whole(List<String> words) {
        String alternatives = String.join("|", words.stream().map(w -> Pattern.quote(w.toLowerCase(Locale.ROOT))).toList());
        String filler = "[^\\p{L}\\p{N}]*";
        return Pattern.compile(filler + "(?:(?:" + alternatives + ")" + filler + ")+", Pattern.UNICODE_CASE);
    }
}
