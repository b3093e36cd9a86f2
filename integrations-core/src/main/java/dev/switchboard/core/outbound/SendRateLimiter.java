package dev.switchboard.core.outbound;

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
 * its tokens from the same buckets, so a limit holds across the cluster. Each bucket allows a
 * burst of one, so no window of any length sees more than its rate plus one send; the rates are
 * taken 10% under the published ones. The buckets commit without waiting for the disk
 * ({@link RelaxedDurability}): a database crash may forget the last tokens taken, no more.
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
        BucketProxy chat = bucket("c:" + integrationId + ":" + chatId, chatInterval(chatId, limits));
        ConsumptionProbe chatProbe = chat.tryConsumeAndReturnRemaining(1);
        if (!chatProbe.isConsumed()) {
            return Optional.of(Duration.ofNanos(chatProbe.getNanosToWaitForRefill()));
        }
        BucketProxy integration = bucket("i:" + integrationId, interval(limits.perIntegrationPerSecond()));
        ConsumptionProbe integrationProbe = integration.tryConsumeAndReturnRemaining(1);
        if (!integrationProbe.isConsumed()) {
            chat.addTokens(1);
            return Optional.of(Duration.ofNanos(integrationProbe.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    /** Drops buckets idle long enough to be full again (they would be recreated identical). */
    public void removeIdle() {
        while (buckets.removeExpired(1000) == 1000) {
            // keep going until a batch comes back short
        }
    }

    private Duration chatInterval(String chatId, ChannelCapabilities limits) {
        boolean group = chatId.startsWith("-") || chatId.endsWith("@g.us");
        return group ? Duration.ofNanos((long) (60e9 / (limits.perGroupPerMinute() * SAFETY) / config.rateScale()))
                : interval(limits.perChatPerSecond());
    }

    private Duration interval(double perSecond) {
        return Duration.ofNanos((long) (1e9 / (perSecond * SAFETY) / config.rateScale()));
    }

    private BucketProxy bucket(String key, Duration interval) {
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, interval))
                .build());
    }
}
