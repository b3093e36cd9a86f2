package dev.switchboard.sandbox.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot API's HTML subset: b/strong, i/em, u/ins, s/strike/del, span class="tg-spoiler",
 * tg-spoiler, a href, code, pre, blockquote, tg-emoji; entities {@code &lt; &gt; &amp; &quot;}
 * and numeric ones. Any other tag, and a bare '<', is an error.
 */
final class HtmlParser {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("b", "bold"),
            Map.entry("strong", "bold"), Map.entry("i", "italic"), Map.entry("em", "italic"),
            Map.entry("u", "underline"), Map.entry("ins", "underline"), Map.entry("s", "strikethrough"),
            Map.entry("strike", "strikethrough"), Map.entry("del", "strikethrough"),
            Map.entry("span", "spoiler"), Map.entry("tg-spoiler", "spoiler"), Map.entry("a", "text_link"),
            Map.entry("code", "code"), Map.entry("pre", "pre"), Map.entry("blockquote", "blockquote"),
            Map.entry("tg-emoji", "custom_emoji"));
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([A-Za-z-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");

    private record Open(String tag, int outputOffset, Map<String, String> attributes) {
    }

    private final String source;
    private final StringBuilder out = new StringBuilder();
    private final List<MessageEntity> entities = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private String preLanguage;

    HtmlParser(String source) {
        this.source = source;
    }

    FormattedText parse() {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '&') {
                i = entity(i);
            } else if (c == '<') {
                i = source.startsWith("</", i) ? endTag(i) : startTag(i);
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw FormattedText.entityError("Can't find end tag corresponding to start tag \"" + open.peek().tag() + "\"");
        }
        return new FormattedText(out.toString(), entities);
    }

    /** Unknown or unterminated entities stay literal text, as in the Bot API. */
    private int entity(int i) {
        int semicolon = source.indexOf(';', i);
        if (semicolon > i + 1 && semicolon - i <= 10) {
            String name = source.substring(i + 1, semicolon);
            String decoded = decode(name);
            if (decoded != null) {
                out.append(decoded);
                return semicolon + 1;
            }
        }
        out.append('&');
        return i + 1;
    }

    private static String decode(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
        return NAMED.get(name);
    }

    private int startTag(int i) {
        int end = source.indexOf('>', i);
        int nameEnd = i + 1;
        while (nameEnd < source.length() && (Character.isLetterOrDigit(source.charAt(nameEnd))
                || source.charAt(nameEnd) == '-')) {
            nameEnd++;
        }
        String tag = source.substring(i + 1, nameEnd).toLowerCase(Locale.ROOT);
        if (!TYPES.containsKey(tag)) {
            throw FormattedText.entityError("Unsupported start tag \"" + tag + "\" at byte offset "
                    + FormattedText.byteOffset(source, i));
        }
        if (end < 0) {
            throw FormattedText.entityError("Unclosed start tag at byte offset " + FormattedText.byteOffset(source, i));
        }
        Map<String, String> attributes = attributes(source.substring(nameEnd, end));
        if (tag.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
            throw FormattedText.entityError("Tag \"span\" must have class \"tg-spoiler\" at byte offset "
                    + FormattedText.byteOffset(source, i));
        }
        open.push(new Open(tag, out.length(), attributes));
        return end + 1;
    }

    private int endTag(int i) {
        int end = source.indexOf('>', i);
        if (end < 0) {
            throw FormattedText.entityError("Unclosed end tag at byte offset " + FormattedText.byteOffset(source, i));
        }
        String tag = source.substring(i + 2, end).trim().toLowerCase(Locale.ROOT);
        if (open.isEmpty()) {
            throw FormattedText.entityError("Unexpected end tag at byte offset " + FormattedText.byteOffset(source, i));
        }
        Open start = open.pop();
        if (!tag.isEmpty() && !tag.equals(start.tag())) {
            throw FormattedText.entityError("Unmatched end tag at byte offset " + FormattedText.byteOffset(source, i)
                    + ", expected \"</" + start.tag() + ">\", found \"</" + tag + ">\"");
        }
        addEntity(start);
        return end + 1;
    }

    private void addEntity(Open start) {
        int length = out.length() - start.outputOffset();
        String type = TYPES.get(start.tag());
        if (length == 0 || (type.equals("text_link") && !start.attributes().containsKey("href"))) {
            return;
        }
        String language = start.tag().equals("code") ? language(start) : null;
        if (language != null) {
            // <pre><code class="language-x"> is one pre entity with a language, not two entities.
            preLanguage = language;
            return;
        }
        if (type.equals("pre")) {
            language = preLanguage;
            preLanguage = null;
        }
        if (type.equals("blockquote") && start.attributes().containsKey("expandable")) {
            type = "expandable_blockquote";
        }
        entities.add(new MessageEntity(type, start.outputOffset(), length, start.attributes().get("href"), language,
                start.attributes().get("emoji-id")));
    }

    /** {@code <pre><code class="language-java">} turns the pre into a pre with a language. */
    private String language(Open code) {
        String css = code.attributes().get("class");
        if (css == null || !css.startsWith("language-") || open.isEmpty() || !open.peek().tag().equals("pre")) {
            return null;
        }
        return css.substring("language-".length());
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new HashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(text);
        while (matcher.find()) {
            String value = matcher.group(2) != null ? matcher.group(2)
                    : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
            attributes.put(matcher.group(1).toLowerCase(Locale.ROOT), value == null ? "" : decodeAll(value));
        }
        return attributes;
    }

    private static String decodeAll(String value) {
        return value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
