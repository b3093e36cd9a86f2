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
 * <p>Sends refused together are told to come back one refill interval apart, not all at the
 * moment the next token appears: a reply burst to one bot otherwise came back as a herd, one
 * got the token and the rest were refused again, more than one refusal per send in the
 * end-to-end benchmark. The slots are this node's guess; the buckets still decide.
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
    /** Per bucket, when this node next expects it to have a token for a send it refused (nanoTime). */
    private final Cache<String, Long> nextSlots = Caffeine.newBuilder()
            .maximumSize(100_000)
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
     * Takes a token for one send to {@code chatId}; when there is none, says how long to wait
     * (and takes nothing, so the wait is not paid twice).
     */
    public Optional<Duration> acquire(UUID integrationId, String chatId, ChannelCapabilities limits) {
        if (!config.rateLimits()) {
            return Optional.empty();
        }
        String chatKey = "c:" + integrationId + ":" + chatId;
        Rate chatRate = chatRate(chatId, limits);
        BucketProxy chat = bucket(chatKey, chatRate);
        ConsumptionProbe chatProbe = chat.tryConsumeAndReturnRemaining(1);
        if (!chatProbe.isConsumed()) {
            return Optional.of(slot(chatKey, chatProbe, chatRate));
        }
        String integrationKey = "i:" + integrationId;
        Rate integrationRate = rate(limits.perIntegrationPerSecond());
        BucketProxy integration = bucket(integrationKey, integrationRate);
        ConsumptionProbe integrationProbe = integration.tryConsumeAndReturnRemaining(1);
        if (!integrationProbe.isConsumed()) {
            chat.addTokens(1);
            return Optional.of(slot(integrationKey, integrationProbe, integrationRate));
        }
        return Optional.empty();
    }

    /**
     * When a refused send should come back: when the bucket has a token again, or one interval
     * after the send refused before it on this node, whichever is later.
     */
    private Duration slot(String key, ConsumptionProbe refused, Rate rate) {
        long now = System.nanoTime();
        long earliest = now + refused.getNanosToWaitForRefill();
        long next = nextSlots.asMap().merge(key, earliest + rate.interval().toNanos(),
                (previous, proposed) -> Math.max(previous, earliest) + rate.interval().toNanos());
        return Duration.ofNanos(next - rate.interval().toNanos() - now);
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
