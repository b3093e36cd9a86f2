package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Text after parse_mode processing: the plain text Telegram stores plus its entities. Parsing
 * rejects what Telegram rejects (unescaped MarkdownV2 characters, unknown HTML tags, unclosed
 * entities), so clients find their escaping bugs here rather than in production.
 */
record FormattedText(String text, List<MessageEntity> entities) {

    private static final Set<String> AUTO_DETECTED = Set.of("mention", "hashtag", "cashtag", "bot_command", "url",
            "email", "phone_number", "bank_card_number");

    /**
     * The text (or caption) parameter with parse_mode, or with explicit entities when there is
     * no parse_mode. Like the Bot API, parse_mode is only looked at when there is text.
     */
    static FormattedText fromParams(TelegramParams params, String field, String entitiesField) {
        String raw = params.string(field).orElse("");
        String mode = params.string("parse_mode").orElse("");
        if (!raw.isEmpty() && !mode.isEmpty()) {
            return parse(raw, mode);
        }
        List<MessageEntity> explicit = new ArrayList<>();
        params.lenientJson(entitiesField).filter(JsonNode::isArray).ifPresent(array -> array.forEach(
                node -> explicitEntity(node).ifPresent(explicit::add)));
        return new FormattedText(raw, explicit).strip();
    }

    static FormattedText parse(String raw, String parseMode) {
        String mode = parseMode == null ? "" : parseMode.trim().toLowerCase(Locale.ROOT);
        FormattedText parsed = switch (mode) {
            case "", "none" -> new FormattedText(raw, List.of());
            case "markdownv2" -> new MarkdownV2Parser(raw).parse();
            case "html" -> new HtmlParser(raw).parse();
            case "markdown" -> new LegacyMarkdownParser(raw).parse();
            default -> throw ApiException.badRequest("unsupported parse_mode");
        };
        return parsed.strip();
    }

    /** Entity types Telegram detects itself are dropped from explicit entities, as the Bot API does. */
    private static Optional<MessageEntity> explicitEntity(JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.badRequest("can't parse MessageEntity: expected an Object");
        }
        String type = node.path("type").asString("");
        if (type.isEmpty()) {
            throw ApiException.badRequest("can't parse MessageEntity: Type is not specified");
        }
        if (AUTO_DETECTED.contains(type)) {
            return Optional.empty();
        }
        return Optional.of(new MessageEntity(type, node.path("offset").asInt(0), node.path("length").asInt(0),
                node.hasNonNull("url") ? node.get("url").asString() : null,
                node.hasNonNull("language") ? node.get("language").asString() : null,
                node.hasNonNull("custom_emoji_id") ? node.get("custom_emoji_id").asString() : null));
    }

    /** Length as Telegram limits it: in characters (code points). */
    int length() {
        return text.codePointCount(0, text.length());
    }

    boolean isBlank() {
        return text.isBlank();
    }

    ArrayNode entitiesJson() {
        ArrayNode array = Json.array();
        entities.forEach(entity -> array.add(entity.toJson()));
        return array;
    }

    /** Telegram trims surrounding whitespace and drops entities that end up empty. */
    private FormattedText strip() {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String stripped = text.substring(start, end);
        List<MessageEntity> kept = new ArrayList<>();
        for (MessageEntity entity : entities) {
            MessageEntity moved = entity.shifted(-start, stripped.length());
            if (moved.length() > 0) {
                kept.add(moved);
            }
        }
        kept.sort(Comparator.comparingInt(MessageEntity::offset));
        return new FormattedText(stripped, List.copyOf(kept));
    }

    /** Entity errors name UTF-8 byte offsets into the original text. */
    static int byteOffset(String source, int charIndex) {
        return source.substring(0, Math.min(charIndex, source.length())).getBytes(StandardCharsets.UTF_8).length;
    }

    static ApiException entityError(String detail) {
        return ApiException.badRequest("can't parse entities: " + detail);
    }
}
