package dev.switchboard.sandbox.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Legacy "Markdown": {@code *bold*}, {@code _italic_}, {@code `code`}, {@code ```pre```} and
 * {@code [text](url)}; entities do not nest and only {@code _*`[} can be escaped.
 */
final class LegacyMarkdownParser {

    private final String source;
    private final StringBuilder out = new StringBuilder();
    private final List<MessageEntity> entities = new ArrayList<>();

    LegacyMarkdownParser(String source) {
        this.source = source;
    }

    FormattedText parse() {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && "_*`[".indexOf(source.charAt(i + 1)) >= 0) {
                out.append(source.charAt(i + 1));
                i += 2;
            } else if (c == '*' || c == '_') {
                i = span(i, String.valueOf(c), c == '*' ? "bold" : "italic");
            } else if (c == '`') {
                i = source.startsWith("```", i) ? span(i, "```", "pre") : span(i, "`", "code");
            } else if (c == '[') {
                i = link(i);
            } else {
                out.append(c);
                i++;
            }
        }
        return new FormattedText(out.toString(), entities);
    }

    private int span(int i, String delimiter, String type) {
        int contentStart = i + delimiter.length();
        int end = source.indexOf(delimiter, contentStart);
        if (end < 0) {
            throw unterminated(i);
        }
        String content = source.substring(contentStart, end);
        if (type.equals("pre") && content.startsWith("\n")) {
            content = content.substring(1);
        }
        add(type, content, null);
        return end + delimiter.length();
    }

    private int link(int i) {
        int close = source.indexOf(']', i);
        if (close < 0) {
            throw unterminated(i);
        }
        String text = source.substring(i + 1, close);
        if (close + 1 < source.length() && source.charAt(close + 1) == '(') {
            int urlEnd = source.indexOf(')', close);
            if (urlEnd < 0) {
                throw unterminated(i);
            }
            add("text_link", text, source.substring(close + 2, urlEnd));
            return urlEnd + 1;
        }
        out.append(text);
        return close + 1;
    }

    private void add(String type, String content, String url) {
        if (!content.isEmpty()) {
            entities.add(new MessageEntity(type, out.length(), content.length(), url, null, null));
        }
        out.append(content);
    }

    private ApiException unterminated(int i) {
        return FormattedText.entityError("Can't find end of the entity starting at byte offset "
                + FormattedText.byteOffset(source, i));
    }
}
