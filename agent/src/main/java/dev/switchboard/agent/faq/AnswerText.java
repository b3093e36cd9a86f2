package dev.switchboard.agent.faq;

import java.util.regex.Pattern;

/** A passage made readable in a chat that shows plain text: Markdown emphasis, links and heading marks removed. */
final class AnswerText {

    private static final Pattern EMPHASIS = Pattern.compile(
            "(?<![\\p{L}\\p{N}*_`])(\\*\\*|__|\\*|_|`)(?=\\S)(.+?)(?<=\\S)\\1(?![\\p{L}\\p{N}*_`])");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\(([^)\\s]+)[^)]*\\)");
    private static final Pattern HEADING_MARK = Pattern.compile("(?m)^#{1,6}\\s+");
    private static final Pattern BULLET = Pattern.compile("(?m)^\\s*[-*+]\\s+");

    private AnswerText() {
    }

    static String of(String passage) {
        String text = LINK.matcher(passage).replaceAll(m -> m.group(1).isBlank() ? m.group(2)
                : java.util.regex.Matcher.quoteReplacement(m.group(1) + " (" + m.group(2) + ")"));
        text = EMPHASIS.matcher(text).replaceAll("$2");
        text = HEADING_MARK.matcher(text).replaceAll("");
        return BULLET.matcher(text).replaceAll("• ").strip();
    }
}
