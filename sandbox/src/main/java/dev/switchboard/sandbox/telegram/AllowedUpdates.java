package dev.switchboard.sandbox.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The allowed_updates filter. Like the Bot API: a value that is not an array of strings is
 * ignored (the previous setting stays), unknown names are skipped, and an empty result means
 * the default: every type except the opt-in ones.
 */
final class AllowedUpdates {

    private static final Set<String> OPT_IN = Set.of("chat_member", "message_reaction", "message_reaction_count");
    private static final Set<String> KNOWN = Set.of("message", "edited_message", "channel_post",
            "edited_channel_post", "business_connection", "business_message", "edited_business_message",
            "deleted_business_messages", "message_reaction", "message_reaction_count", "inline_query",
            "chosen_inline_result", "callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media",
            "poll", "poll_answer", "my_chat_member", "chat_member", "chat_join_request", "chat_boost",
            "removed_chat_boost");

    private AllowedUpdates() {
    }

    static boolean permits(List<String> allowed, String type) {
        if (allowed == null) {
            return !OPT_IN.contains(type);
        }
        return allowed.contains(type);
    }

    /** Applies an allowed_updates parameter, if it is usable, to the bot. */
    static void apply(BotAccount bot, Optional<JsonNode> parameter) {
        parameter.flatMap(AllowedUpdates::parse).ifPresent(types -> bot.allowedUpdates = types.isEmpty() ? null : types);
    }

    /** The listed known types (empty = default), or nothing when the value is unusable. */
    private static Optional<List<String>> parse(JsonNode node) {
        if (!node.isArray()) {
            return Optional.empty();
        }
        List<String> types = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isString()) {
                return Optional.empty();
            }
            String type = element.stringValue().toLowerCase(Locale.ROOT);
            if (KNOWN.contains(type) && !types.contains(type)) {
                types.add(type);
            }
        }
        return Optional.of(List.copyOf(types));
    }
}
