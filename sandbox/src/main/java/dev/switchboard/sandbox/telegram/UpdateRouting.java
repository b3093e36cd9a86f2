package dev.switchboard.sandbox.telegram;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * How long the Bot API keeps an update and which delivery queue it joins. Updates in one
 * queue (one chat's messages, one user's callback taps) are delivered strictly one after
 * another; different queues proceed in parallel up to max_connections.
 */
final class UpdateRouting {

    private static final Set<String> CHAT_UPDATES = Set.of("message", "edited_message", "channel_post",
            "edited_channel_post", "business_message", "edited_business_message");
    private static final AtomicLong UNIQUE_QUEUES = new AtomicLong(1L << 60);

    private UpdateRouting() {
    }

    /** Telegram keeps callback queries 150 s, inline queries 30 s, most others a day. */
    static Duration retention(String type) {
        return switch (type) {
            case "callback_query", "shipping_query", "pre_checkout_query" -> Duration.ofSeconds(150);
            case "inline_query" -> Duration.ofSeconds(30);
            case "chosen_inline_result" -> Duration.ofMinutes(10);
            default -> Duration.ofDays(1);
        };
    }

    /** Chat id for chat messages, a per-user queue for queries, otherwise a queue of its own. */
    static long queueKey(String type, JsonNode body) {
        if (CHAT_UPDATES.contains(type) && body.path("chat").has("id")) {
            return body.path("chat").path("id").asLong();
        }
        long userId = body.path("from").path("id").asLong(0);
        if (userId != 0) {
            long shift = switch (type) {
                case "inline_query" -> 1;
                case "chosen_inline_result" -> 2;
                case "callback_query" -> 3;
                case "shipping_query", "pre_checkout_query" -> 4;
                default -> 0;
            };
            if (shift != 0) {
                return userId + (shift << 33);
            }
        }
        return UNIQUE_QUEUES.getAndIncrement();
    }
}
