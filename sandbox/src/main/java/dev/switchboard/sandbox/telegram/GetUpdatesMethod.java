package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ArrayNode;

/**
 * getUpdates with long polling, following the Bot API server: timeout is clamped to 50 s and
 * limit to 1–100; a poll that has to wait ends an older waiting poll with 409; setting a
 * webhook ends a waiting poll with 409.
 */
final class GetUpdatesMethod implements ApiMethod {

    static final int LONG_POLL_MAX_TIMEOUT = 50;
    /** The server turns a quickly repeated short poll with the same offset into a 3 s long poll. */
    private static final Duration REPEAT_WINDOW = Duration.ofSeconds(3);
    private static final String WEBHOOK_ACTIVE =
            "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
    private static final String SUPERSEDED =
            "terminated by other getUpdates request; make sure that only one bot instance is running";

    private final TelegramState state;

    GetUpdatesMethod(TelegramState state) {
        this.state = state;
    }

    @Override
    public ApiResult invoke(CallContext call) {
        BotAccount bot = call.account();
        TelegramParams params = call.params();
        if (bot.webhook != null) {
            throw ApiException.conflict(WEBHOOK_ACTIVE);
        }
        long offset = params.longValue("offset", 0);
        int limit = params.intValue("limit", 100, 1, 100);
        int timeout = params.intValue("timeout", 0, 0, LONG_POLL_MAX_TIMEOUT);
        AllowedUpdates.apply(bot, params.lenientJson("allowed_updates"));
        Instant now = state.clock.now();
        if (offset == bot.lastPollOffset && timeout < 3 && bot.lastPollStart != null
                && now.isBefore(bot.lastPollStart.plus(REPEAT_WINDOW))) {
            timeout = 3;
        }
        bot.lastPollOffset = offset;
        bot.lastPollStart = now;
        bot.updates.confirm(offset);
        return ApiResult.of(toJson(poll(bot, limit, TimeUnit.SECONDS.toNanos(timeout))));
    }

    private List<PendingUpdate> poll(BotAccount bot, int limit, long nanosLeft) {
        List<PendingUpdate> ready = ready(bot, limit);
        if (!ready.isEmpty() || nanosLeft <= 0) {
            return ready;
        }
        long generation = ++bot.pollGeneration;
        state.signalChange();
        while (ready.isEmpty() && nanosLeft > 0 && state.isCurrent(bot)) {
            nanosLeft = state.awaitChange(nanosLeft);
            if (bot.pollGeneration != generation) {
                throw ApiException.conflict(SUPERSEDED);
            }
            if (bot.webhook != null) {
                throw ApiException.conflict("terminated by setWebhook request");
            }
            ready = ready(bot, limit);
        }
        return ready;
    }

    private List<PendingUpdate> ready(BotAccount bot, int limit) {
        bot.updates.expire(state.clock.now());
        return bot.updates.first(limit);
    }

    private static ArrayNode toJson(List<PendingUpdate> updates) {
        ArrayNode result = Json.array();
        updates.forEach(update -> result.add(update.json().deepCopy()));
        return result;
    }
}
