package dev.switchboard.app.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.AppIT;
import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.outbound.SendRateLimiter;
import dev.switchboard.core.tenant.TenantRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The send rate limits against the database: a chat admits one send per interval, a bot its burst
 * of three and then one per interval, a send refused by either key takes from neither, a send may
 * reserve the next slots (each its own, counted by both keys), concurrent sends never get more
 * than the burst, and idle keys are removed.
 */
class SendRateLimiterIT extends AppIT {

    /** Telegram's published rates: 30/s per bot, 1/s per chat, 20/min per group. */
    private static final ChannelCapabilities TELEGRAM = new ChannelCapabilities(true, true, true, true, 4096, 30, 1, 20);

    @Autowired
    private SendRateLimiter limiter;

    @Autowired
    private JdbcClient jdbc;

    private static TenantRef tenant;

    @Test
    void aChatAdmitsOneSendThenSaysHowLongToWait() {
        UUID bot = UUID.randomUUID();
        assertThat(take(bot, "chat-1")).isEmpty();
        Optional<Duration> wait = take(bot, "chat-1");
        // 0.9 sends a second: the next in ≈ 1.11 s, less the few ms since the first
        assertThat(wait).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMillis(900), Duration.ofMillis(1112)));
        assertThat(take(bot, "chat-2")).as("another chat of the bot").isEmpty();
    }

    @Test
    void aBotAdmitsItsBurstThenWaitsAndARefusedSendTakesNothingFromItsChat() {
        UUID bot = UUID.randomUUID();
        for (int chat = 0; chat < 3; chat++) {
            assertThat(take(bot, "burst-" + chat)).as("send %d of the burst", chat).isEmpty();
        }
        Optional<Duration> wait = take(bot, "burst-3");
        // 27 sends a second: the next in ≈ 37 ms
        assertThat(wait).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMillis(1), Duration.ofMillis(38)));
        assertThat(tat("c:" + bot + ":burst-3")).as("the refused send's chat kept its token").isNull();
    }

    @Test
    void sendsBeyondTheBurstReserveConsecutiveSlotsAndTheChatCountsItsSendWhenItGoes() {
        UUID bot = UUID.randomUUID();
        for (int chat = 0; chat < 3; chat++) {
            assertThat(reserve(bot, "slot-" + chat, Duration.ofSeconds(1)).now()).isTrue();
        }
        for (int chat = 3; chat < 8; chat++) {
            SendRateLimiter.Admission admission = reserve(bot, "slot-" + chat, Duration.ofSeconds(1));
            assertThat(admission.taken()).isTrue();
            assertThat(admission.delay()).isPositive().isLessThan(Duration.ofMillis(200));
        }
        // each chat's time is one chat interval after its slot: the slots are one bot interval apart
        double botInterval = 1e6 / 27;
        for (int chat = 4; chat < 8; chat++) {
            assertThat(tatMicros("c:" + bot + ":slot-" + chat) - tatMicros("c:" + bot + ":slot-" + (chat - 1)))
                    .isCloseTo(botInterval, Offset.offset(2.0));
        }

        // a chat's second send counts from when its first goes (≈ 185 ms away), not from now
        SendRateLimiter.Admission again = reserve(bot, "slot-7", Duration.ofSeconds(5));
        assertThat(again.taken()).isTrue();
        assertThat(again.delay()).isGreaterThan(Duration.ofMillis(1_111 + 40));

        SendRateLimiter.Admission tooFar = reserve(bot, "slot-8", Duration.ofMillis(10));
        assertThat(tooFar.taken()).as("a slot further away than the caller can hold is not taken").isFalse();
        assertThat(tat("c:" + bot + ":slot-8")).isNull();
    }

    @Test
    void concurrentSendsGetNoMoreThanTheBotAllowsInTheTimeTheyTook() throws Exception {
        // 2 sends a second, aimed at 1.8: a burst of one, the next after 556 ms
        ChannelCapabilities slow = new ChannelCapabilities(true, true, true, true, 4096, 2, 1, 20);
        Duration interval = Duration.ofNanos((long) (1e9 / 1.8));
        UUID bot = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long started = System.nanoTime();
            List<Future<Optional<Duration>>> sends = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String chat = "concurrent-" + i;
                sends.add(pool.submit((Callable<Optional<Duration>>) () -> waitOf(
                        limiter.admit(tenant(), UUID.randomUUID(), bot, chat, slow, Duration.ZERO))));
            }
            int admitted = 0;
            for (Future<Optional<Duration>> send : sends) {
                admitted += send.get().isEmpty() ? 1 : 0;
            }
            long allowed = 1 + (System.nanoTime() - started) / interval.toNanos();
            assertThat(admitted).isBetween(1, (int) allowed);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void idleKeysAreRemovedAndStartAgainFull() {
        UUID bot = UUID.randomUUID();
        take(bot, "idle");
        jdbc.sql("UPDATE public.send_rate SET tat = now() - interval '11 minutes' WHERE id LIKE :prefix")
                .param("prefix", "%" + bot + "%")
                .update();
        limiter.removeIdle();
        assertThat(tat("c:" + bot + ":idle")).isNull();
        assertThat(tat("i:" + bot)).isNull();
        assertThat(take(bot, "idle")).isEmpty();
    }

    /** The tenant the sends' messages belong to (none of them exists: nothing is marked sending). */
    private TenantRef tenant() {
        if (tenant == null) {
            TestTenant created = newTenant("rates");
            tenant = created.ref();
        }
        return tenant;
    }

    /** A send that takes only a token for now: empty if it has one, else how long to wait. */
    private Optional<Duration> take(UUID bot, String chat) {
        return waitOf(limiter.admit(tenant(), UUID.randomUUID(), bot, chat, TELEGRAM, Duration.ZERO));
    }

    private static Optional<Duration> waitOf(SendRateLimiter.Admission admission) {
        assertThat(admission.now()).isEqualTo(admission.taken()); // nothing reserved when nothing may be
        return admission.now() ? Optional.empty() : Optional.of(admission.delay());
    }

    private SendRateLimiter.Admission reserve(UUID bot, String chat, Duration upTo) {
        return limiter.admit(tenant(), UUID.randomUUID(), bot, chat, TELEGRAM, upTo);
    }

    private double tatMicros(String key) {
        return jdbc.sql("SELECT extract(epoch FROM tat) * 1e6 FROM public.send_rate WHERE id = :id")
                .param("id", key)
                .query(Double.class)
                .single();
    }

    private Object tat(String key) {
        return jdbc.sql("SELECT tat FROM public.send_rate WHERE id = :id AND tat > '-infinity'")
                .param("id", key)
                .query(Object.class)
                .optional()
                .orElse(null);
    }
}
