package dev.switchboard.sandbox.telegram;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Everything the emulator knows about one bot. Guarded by the {@link TelegramState} lock. */
final class BotAccount {

    final Bot bot;
    final UpdateQueue updates;
    final BotJournal journal = new BotJournal();
    /** Users who wrote to the bot in private: only they can be messaged there. */
    final Set<Long> startedBy = new HashSet<>();
    /** Users the bot has seen anywhere (e.g. in a group) without a private chat. */
    final Set<Long> seenUsers = new HashSet<>();
    boolean revoked;
    WebhookConfig webhook;
    List<String> allowedUpdates;
    String lastErrorMessage;
    Instant lastErrorDate;
    /** Bumped by every getUpdates, so an older long poll knows it was superseded. */
    long pollGeneration;
    long lastPollOffset = Long.MIN_VALUE;
    Instant lastPollStart;
    /** The Bot API accepts a new webhook URL at most once a second. */
    Instant nextWebhookChangeAt;
    Instant lastDeliverySuccess;
    int deliveriesInFlight;
    JsonNode commands;

    BotAccount(Bot bot, long firstUpdateId) {
        this.bot = bot;
        this.updates = new UpdateQueue(firstUpdateId);
    }

    String token() {
        return bot.token();
    }

    long id() {
        return bot.id();
    }
}
