package dev.switchboard.sandbox.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Optional flood control like the Bot FAQ describes: about 1 message/s per chat, 20/min per
 * group and 30/s per bot. Token buckets; a refused send consumes nothing. Thread-safe.
 */
final class RateLimiter {

    record Limits(double perChatPerSecond, int perGroupPerMinute, double perBotPerSecond) {
    }

    /** A token bucket: {@code capacity} tokens, refilled at {@code ratePerSecond}. */
    private static final class Bucket {
        final double capacity;
        final double ratePerSecond;
        double tokens;
        Instant updated;

        Bucket(double capacity, double ratePerSecond, Instant now) {
            this.capacity = capacity;
            this.ratePerSecond = ratePerSecond;
            this.tokens = capacity;
            this.updated = now;
        }

        void refill(Instant now) {
            double seconds = Duration.between(updated, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + Math.max(0, seconds) * ratePerSecond);
            updated = now;
        }

        /** Whole seconds (at least 1) until a token is available. */
        int secondsUntilToken() {
            return (int) Math.max(1, Math.ceil((1 - tokens) / ratePerSecond));
        }
    }

    private record Key(String scope, long botId, long chatId) {
    }

    private final Map<Key, Bucket> buckets = new HashMap<>();
    private Limits limits;

    synchronized void configure(Limits limits) {
        this.limits = limits;
        buckets.clear();
    }

    synchronized void reset() {
        buckets.clear();
    }

    /** Takes a token from every bucket the send touches, or returns retry_after when one is empty. */
    synchronized OptionalInt acquire(long botId, OptionalLong chatId, Instant now) {
        if (limits == null) {
            return OptionalInt.empty();
        }
        List<Bucket> touched = touchedBuckets(botId, chatId, now);
        int retryAfter = 0;
        for (Bucket bucket : touched) {
            bucket.refill(now);
            if (bucket.tokens < 1) {
                retryAfter = Math.max(retryAfter, bucket.secondsUntilToken());
            }
        }
        if (retryAfter > 0) {
            return OptionalInt.of(retryAfter);
        }
        touched.forEach(bucket -> bucket.tokens -= 1);
        return OptionalInt.empty();
    }

    private List<Bucket> touchedBuckets(long botId, OptionalLong chatId, Instant now) {
        List<Bucket> touched = new ArrayList<>();
        if (limits.perBotPerSecond() > 0) {
            touched.add(bucket(new Key("bot", botId, 0), limits.perBotPerSecond(), limits.perBotPerSecond(), now));
        }
        if (chatId.isPresent() && limits.perChatPerSecond() > 0) {
            touched.add(bucket(new Key("chat", botId, chatId.getAsLong()), limits.perChatPerSecond(),
                    limits.perChatPerSecond(), now));
        }
        if (chatId.isPresent() && chatId.getAsLong() < 0 && limits.perGroupPerMinute() > 0) {
            touched.add(bucket(new Key("group", botId, chatId.getAsLong()), limits.perGroupPerMinute(),
                    limits.perGroupPerMinute() / 60.0, now));
        }
        return touched;
    }

    private Bucket bucket(Key key, double capacity, double ratePerSecond, Instant now) {
        return buckets.computeIfAbsent(key, k -> new Bucket(Math.max(1, capacity), ratePerSecond, now));
    }
}
