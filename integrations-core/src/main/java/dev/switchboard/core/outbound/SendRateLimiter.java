package dev.switchboard.core.outbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.queue.RelaxedDurability;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Holds sends to each provider's published rates, per integration (a bot, a number) and per chat,
 * with Bucket4j buckets kept in PostgreSQL ({@code public.rate_limit_bucket}): every node takes
 * its tokens from the same buckets, so a limit holds across the cluster. The rates are taken 10%
 * under the published ones, and a bucket holds only the burst that margin leaves (an
 * integration's bucket at 27/s holds 3 tokens, a chat's at 0.9/s one), so no one-second window
 * sees more than the published rate. The buckets commit without waiting for the disk
 * ({@link RelaxedDurability}): a database crash may forget the last tokens taken, no more.
 *
 * <p>Sends that must wait queue in line on this node: each is told to come back one refill
 * interval after the one before it, and a new send joins the end of the line instead of taking
 * the token the first in line is coming back for. Told to come back all at the moment the next
 * token appears, a reply burst to one bot came back as a herd: one got the token and the rest
 * were refused again, more than one refusal per send in the end-to-end benchmark. The line is
 * this node's guess; the buckets still decide, and a send they refuse goes to the end of it.
 */
@Component
public class SendRateLimiter {

    private static final Duration KEEP_IDLE_BUCKETS = Duration.ofMinutes(10);
    /**
     * Aim under the published rates, so that the jitter between taking a token and the call
     * reaching the provider (a pause of the sending node, up to ~100 ms on a loaded machine)
     * never carries two sends closer than the provider allows.
     */
    private static final double SAFETY = 0.90;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final SwitchboardProperties.Delivery config;
    /** Per bucket, the place after the last send this node told to wait for it (nanoTime). */
    private final Cache<String, Long> nextSlots = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(KEEP_IDLE_BUCKETS)
            .build();
    /** The messages told to wait for their place: when they come back it is their turn at the buckets. */
    private final Cache<UUID, Boolean> waiting = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterWrite(KEEP_IDLE_BUCKETS)
            .build();

    public SendRateLimiter(RelaxedDurability relaxed, SwitchboardProperties properties) {
        this.config = properties.delivery();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(relaxed.dataSource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("public.rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_IDLE_BUCKETS))
                .build();
    }

    /**
     * Takes a token for one send of message {@code messageId} to {@code chatId}; when there is
     * none, says how long to wait (and takes nothing, so the wait is not paid twice).
     */
    public Optional<Duration> acquire(UUID messageId, UUID integrationId, String chatId, ChannelCapabilities limits) {
        if (!config.rateLimits()) {
            return Optional.empty();
        }
        String chatKey = "c:" + integrationId + ":" + chatId;
        Rate chatRate = chatRate(chatId, limits);
        String integrationKey = "i:" + integrationId;
        Rate integrationRate = rate(limits.perIntegrationPerSecond());
        boolean itsTurn = waiting.asMap().remove(messageId) != null;
        if (!itsTurn && othersWait(chatKey, chatRate)) { // a new send queues behind those told to wait
            return waitInLine(messageId, chatKey, 0, chatRate);
        }
        if (!itsTurn && othersWait(integrationKey, integrationRate)) {
            return waitInLine(messageId, integrationKey, 0, integrationRate);
        }
        BucketProxy chat = bucket(chatKey, chatRate);
        ConsumptionProbe chatProbe = chat.tryConsumeAndReturnRemaining(1);
        if (!chatProbe.isConsumed()) {
            return waitInLine(messageId, chatKey, chatProbe.getNanosToWaitForRefill(), chatRate);
        }
        BucketProxy integration = bucket(integrationKey, integrationRate);
        ConsumptionProbe integrationProbe = integration.tryConsumeAndReturnRemaining(1);
        if (!integrationProbe.isConsumed()) {
            chat.addTokens(1);
            return waitInLine(messageId, integrationKey, integrationProbe.getNanosToWaitForRefill(), integrationRate);
        }
        return Optional.empty();
    }

    /** Whether sends this node told to wait for the bucket are still waiting. */
    private boolean othersWait(String key, Rate rate) {
        Long next = nextSlots.getIfPresent(key);
        return next != null && next - rate.interval().toNanos() > System.nanoTime();
    }

    /** Remembers that the message waits for its turn, and says how long. */
    private Optional<Duration> waitInLine(UUID messageId, String key, long refillNanos, Rate rate) {
        waiting.put(messageId, Boolean.TRUE);
        return Optional.of(slot(key, refillNanos, rate));
    }

    /**
     * When a send should come back: when the bucket has a token again ({@code refillNanos} from
     * now), or one interval after the last send this node told to wait, whichever is later.
     */
    private Duration slot(String key, long refillNanos, Rate rate) {
        long now = System.nanoTime();
        long earliest = now + refillNanos;
        long interval = rate.interval().toNanos();
        long next = nextSlots.asMap().merge(key, earliest + interval,
                (previous, proposed) -> Math.max(previous, earliest) + interval);
        return Duration.ofNanos(next - interval - now);
    }

    /** Drops buckets idle long enough to be full again (they would be recreated identical). */
    public void removeIdle() {
        while (buckets.removeExpired(1000) == 1000) {
            // keep going until a batch comes back short
        }
    }

    /** A bucket's refill interval and the tokens it holds. */
    private record Rate(Duration interval, int burst) {
    }

    private Rate chatRate(String chatId, ChannelCapabilities limits) {
        boolean group = chatId.startsWith("-") || chatId.endsWith("@g.us");
        return group ? rate(limits.perGroupPerMinute() / 60.0) : rate(limits.perChatPerSecond());
    }

    /** Aimed {@link #SAFETY} under {@code perSecond}, holding the burst the rest of a second's allowance leaves. */
    private Rate rate(double perSecond) {
        double aimed = perSecond * SAFETY;
        int burst = (int) Math.max(1, Math.floor(perSecond - aimed));
        return new Rate(Duration.ofNanos((long) (1e9 / aimed / config.rateScale())), burst);
    }

    private BucketProxy bucket(String key, Rate rate) {
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate.burst()).refillGreedy(1, rate.interval()))
                .build());
    }
}
