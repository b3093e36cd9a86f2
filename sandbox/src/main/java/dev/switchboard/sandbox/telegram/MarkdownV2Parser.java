package dev.switchboard.sandbox.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * MarkdownV2 as the Bot API parses it: {@code \} escapes any ASCII character; the characters
 * {@code _*[]()~`>#+-=|{}.!} must be escaped unless they open or close an entity; inside code
 * only {@code `} is special.
 */
final class MarkdownV2Parser {

    private static final String RESERVED = "_*[]()~`>#+-=|{}.!";
    private static final Map<String, String> NAMES = Map.of("bold", "Bold", "italic", "Italic",
            "underline", "Underline", "strikethrough", "Strikethrough", "spoiler", "Spoiler",
            "text_link", "TextUrl", "custom_emoji", "CustomEmoji", "code", "Code", "pre", "Pre");

    private record Open(String type, int outputOffset, int sourceIndex, String language) {
    }

    private final String source;
    private final StringBuilder out = new StringBuilder();
    private final List<MessageEntity> entities = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private int quoteStart = -1;

    MarkdownV2Parser(String source) {
        this.source = source;
    }

    FormattedText parse() {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && source.charAt(i + 1) > 0 && source.charAt(i + 1) <= 126) {
                out.append(source.charAt(i + 1));
                i += 2;
            } else if (insideCode()) {
                i = c == '`' ? closeCode(i) : append(c, i);
            } else if (RESERVED.indexOf(c) < 0) {
                i = c == '\n' ? newLine(i) : append(c, i);
            } else {
                i = reserved(c, i);
            }
        }
        if (!open.isEmpty()) {
            Open last = open.peek();
            throw FormattedText.entityError("Can't find end of " + NAMES.get(last.type()) + " entity at byte offset "
                    + FormattedText.byteOffset(source, last.sourceIndex()));
        }
        closeQuote();
        return new FormattedText(out.toString(), entities);
    }

    private int reserved(char c, int i) {
        return switch (c) {
            case '*' -> toggle("bold", i, 1);
            case '_' -> underscore(i);
            case '~' -> toggle("strikethrough", i, 1);
            case '|' -> next(i) == '|' ? toggle("spoiler", i, 2) : unescaped(c);
            case '[' -> push("text_link", i, 1, null);
            case '!' -> next(i) == '[' ? push("custom_emoji", i, 2, null) : unescaped(c);
            case ']' -> isOpen("text_link") || isOpen("custom_emoji") ? closeLink(i) : unescaped(c);
            case '`' -> source.startsWith("```", i) ? openPre(i) : push("code", i, 1, null);
            case '>' -> atLineStart(i) ? openQuote(i) : unescaped(c);
            default -> unescaped(c);
        };
    }

    private int underscore(int i) {
        if (isOpen("italic")) {
            return toggle("italic", i, 1);
        }
        return next(i) == '_' ? toggle("underline", i, 2) : toggle("italic", i, 1);
    }

    private int toggle(String type, int i, int width) {
        if (isOpen(type)) {
            close();
            return i + width;
        }
        return push(type, i, width, null);
    }

    private int push(String type, int i, int width, String language) {
        open.push(new Open(type, out.length(), i, language));
        return i + width;
    }

    private void close() {
        Open entity = open.pop();
        addEntity(new MessageEntity(entity.type(), entity.outputOffset(), out.length() - entity.outputOffset(), null,
                entity.language(), null));
    }

    /** {@code [text](url)}: the URL runs to the first unescaped ')'. Without "(url)" the text stays plain. */
    private int closeLink(int i) {
        Open link = open.pop();
        if (next(i) != '(') {
            if (link.type().equals("custom_emoji")) {
                throw FormattedText.entityError("Custom emoji entity must contain a tg://emoji URL");
            }
            return i + 1;
        }
        StringBuilder url = new StringBuilder();
        int j = i + 2;
        for (; j < source.length() && source.charAt(j) != ')'; j++) {
            char c = source.charAt(j);
            url.append(c == '\\' && j + 1 < source.length() ? source.charAt(++j) : c);
        }
        if (j >= source.length()) {
            throw FormattedText.entityError("Can't find end of a URL at byte offset "
                    + FormattedText.byteOffset(source, i + 2));
        }
        int length = out.length() - link.outputOffset();
        boolean emoji = link.type().equals("custom_emoji");
        addEntity(new MessageEntity(link.type(), link.outputOffset(), length, emoji ? null : url.toString(), null,
                emoji ? url.toString().replaceFirst("^tg://emoji\\?id=", "") : null));
        return j + 1;
    }

    /** {@code ```lang\ncode```}: the first line names the language when it holds no spaces. */
    private int openPre(int i) {
        int start = i + 3;
        int lineEnd = source.indexOf('\n', start);
        String language = null;
        if (lineEnd > start && !source.substring(start, lineEnd).isBlank()
                && !source.substring(start, lineEnd).contains(" ")) {
            language = source.substring(start, lineEnd);
            start = lineEnd + 1;
        } else if (lineEnd == start) {
            start = lineEnd + 1;
        }
        open.push(new Open("pre", out.length(), i, language));
        return start;
    }

    private int closeCode(int i) {
        Open code = open.peek();
        if (code.type().equals("pre")) {
            if (!source.startsWith("```", i)) {
                return append('`', i);
            }
            close();
            return i + 3;
        }
        close();
        return i + 1;
    }

    private int openQuote(int i) {
        if (quoteStart < 0) {
            quoteStart = out.length();
        }
        return i + 1;
    }

    /** A quote spans consecutive lines that start with '>'. */
    private int newLine(int i) {
        if (quoteStart >= 0 && next(i) != '>') {
            closeQuote();
        }
        return append('\n', i);
    }

    private void closeQuote() {
        if (quoteStart >= 0) {
            addEntity(MessageEntity.of("blockquote", quoteStart, out.length() - quoteStart));
            quoteStart = -1;
        }
    }

    private void addEntity(MessageEntity entity) {
        if (entity.length() > 0) {
            entities.add(entity);
        }
    }

    private int append(char c, int i) {
        out.append(c);
        return i + 1;
    }

    private int unescaped(char c) {
        throw FormattedText.entityError("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
    }

    private boolean insideCode() {
        return !open.isEmpty() && (open.peek().type().equals("code") || open.peek().type().equals("pre"));
    }

    private boolean isOpen(String type) {
        return !open.isEmpty() && open.peek().type().equals(type);
    }

    private boolean atLineStart(int i) {
        return i == 0 || source.charAt(i - 1) == '\n';
    }

    private char next(int i) {
        return i + 1 < source.length() ? source.charAt(i + 1) : 0;
    }
}
