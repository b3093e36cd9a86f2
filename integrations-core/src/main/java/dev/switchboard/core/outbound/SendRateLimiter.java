package dev.switchboard.core.outbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.config.SwitchboardProperties;
import dev.switchboard.core.conversation.MessageStatus;
import dev.switchboard.core.queue.RelaxedDurability;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.tenant.TenantSql;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Holds sends to each provider's published rates, per integration (a bot, a number) and per chat,
 * with the state in PostgreSQL ({@code public.send_rate}): every node takes its tokens from the
 * same rows, so a limit holds across the cluster. The rates are taken 10% under the published
 * ones, and a key holds only the burst that margin leaves (an integration at 27/s 3 sends, a chat
 * at 0.9/s one), so no one-second window sees more than the published rate. The rows are written
 * without waiting for the disk ({@link RelaxedDurability}): a database crash may forget the last
 * tokens taken, no more.
 *
 * <p>Each key is a GCRA cell (the token bucket's equivalent that keeps one timestamp, the key's
 * theoretical arrival time): a send is admitted when that time is at most the burst's tolerance
 * ahead of now, and moves it one interval on. One statement locks both keys of a send (in key
 * order, so concurrent sends cannot deadlock), decides, and moves both or neither: Bucket4j's
 * PostgreSQL buckets took a transaction of four round trips each, eight per send, and a refusal
 * by the second bucket two more to give the first its token back; they were the most frequent
 * statements of the end-to-end benchmark.
 *
 * <p>A send may also reserve a later slot, up to the hold its caller can afford: the statement then
 * takes the tokens for the moment both keys admit the send, and the caller sends at that moment
 * without asking again. A bot's replies to ten chats at once so take ten consecutive slots in
 * one statement each, where asking again cost each a trip through the queue, another read and
 * another refusal or two.
 *
 * <p>Sends that must wait longer queue in line on this node: each is told to come back one refill
 * interval after the one before it, and a new send joins the end of the line instead of taking
 * the token the first in line is coming back for. Told to come back all at the moment the next
 * token appears, a reply burst to one bot came back as a herd: one got the token and the rest
 * were refused again, more than one refusal per send in the end-to-end benchmark. The line is
 * this node's guess; the database still decides, and a send it refuses goes to the end of it.
 */
@Component
public class SendRateLimiter {

    private static final Duration KEEP_IDLE_KEYS = Duration.ofMinutes(10);
    /**
     * Aim under the published rates, so that the jitter between taking a token and the call
     * reaching the provider (a pause of the sending node, up to ~100 ms on a loaded machine)
     * never carries two sends closer than the provider allows.
     */
    private static final double SAFETY = 0.90;

    /**
     * Takes a send's two tokens or neither, for the moment both keys admit it ({@code at}) if that
     * is at most {@code :reserve} seconds away. {@code found} &lt; 2: a key has no row yet (seed it
     * and ask again); else {@code wait_seconds} until {@code at}, and {@code blocking} the key that
     * sets it. Each key's time moves one interval on from {@code at} (or from its own time, if
     * later), so a send that goes late for the other key's sake still counts when it goes. A send
     * admitted for now is marked {@code sending} in its tenant's schema ({@code %1$s}) by the same
     * statement: its next step is the provider's call.
     */
    private static final TenantSql TAKE = new TenantSql("""
            WITH wanted (id, step, tolerance) AS (
                VALUES (:chat, make_interval(secs => :chatStep), make_interval(secs => :chatTolerance)),
                       (:integration, make_interval(secs => :integrationStep), make_interval(secs => :integrationTolerance))
            ), held AS (
                SELECT r.id, r.tat, greatest(r.tat, now()) - w.tolerance AS admits, w.step
                FROM public.send_rate r JOIN wanted w ON w.id = r.id
                ORDER BY r.id
                FOR UPDATE OF r
            ), verdict AS (
                SELECT count(*) AS found, greatest(now(), max(admits)) AS at FROM held
            ), decided AS (
                SELECT found, at, found = 2 AND at <= now() + make_interval(secs => :reserve) AS admitted FROM verdict
            ), taken AS (
                UPDATE public.send_rate r SET tat = greatest(h.tat, d.at) + h.step
                FROM held h, decided d
                WHERE r.id = h.id AND d.admitted
            ), marked AS (
                UPDATE %1$smessage m SET status = :sending, attempts = m.attempts + 1, updated_at = now()
                FROM decided d
                WHERE m.id = :message AND d.admitted AND d.at = now()
                RETURNING m.id
            )
            SELECT d.found, d.admitted, b.id AS blocking, extract(epoch FROM d.at - now()) AS wait_seconds,
                   EXISTS (SELECT 1 FROM marked) AS marked
            FROM decided d
            LEFT JOIN LATERAL (SELECT id FROM held ORDER BY admits DESC LIMIT 1) b ON true
            """);

    private final JdbcClient relaxed;
    private final SwitchboardProperties.Delivery config;
    /** Per key, the place after the last send this node told to wait for it (nanoTime). */
    private final Cache<String, Long> nextSlots = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(KEEP_IDLE_KEYS)
            .build();
    /** The messages told to wait for their place: when they come back it is their turn at the keys. */
    private final Cache<UUID, Boolean> waiting = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfterWrite(KEEP_IDLE_KEYS)
            .build();

    public SendRateLimiter(RelaxedDurability relaxed, SwitchboardProperties properties) {
        this.config = properties.delivery();
        this.relaxed = relaxed.jdbc();
    }

    /**
     * What the rate limits say to one send.
     *
     * @param taken  whether the send has its tokens: it goes after {@code delay} (zero: now). If not,
     *               it took nothing (so the wait is not paid twice) and should ask again after {@code delay}.
     * @param marked whether its message was marked {@code sending} (only a send that goes now is)
     */
    public record Admission(boolean taken, Duration delay, boolean marked) {

        static final Admission NOW = new Admission(true, Duration.ZERO, false);

        /** Whether the send may go at once. */
        public boolean now() {
            return taken && delay.isZero();
        }
    }

    /**
     * Takes the tokens for one send of message {@code messageId} to {@code chatId}: for now, or
     * for the first slot at most {@code reserveUpTo} away; when there is none that soon, takes
     * nothing and says how long to wait. A send that may go now has its message marked
     * {@code sending} in {@code tenant}'s schema.
     */
    public Admission admit(TenantRef tenant, UUID messageId, UUID integrationId, String chatId,
                           ChannelCapabilities limits, Duration reserveUpTo) {
        if (!config.rateLimits()) {
            return Admission.NOW;
        }
        Key chat = new Key("c:" + integrationId + ":" + chatId, chatRate(chatId, limits));
        Key integration = new Key("i:" + integrationId, rate(limits.perIntegrationPerSecond()));
        boolean itsTurn = waiting.asMap().remove(messageId) != null;
        if (!itsTurn && othersWait(chat)) { // a new send queues behind those told to wait
            return waitInLine(messageId, chat, 0);
        }
        if (!itsTurn && othersWait(integration)) {
            return waitInLine(messageId, integration, 0);
        }
        Verdict verdict = take(tenant, messageId, chat, integration, reserveUpTo);
        if (verdict.found() < 2) {
            seed(chat, integration);
            verdict = take(tenant, messageId, chat, integration, reserveUpTo);
        }
        long waitNanos = Math.max(0, (long) (verdict.waitSeconds() * 1e9));
        if (verdict.admitted()) {
            return new Admission(true, Duration.ofNanos(waitNanos), verdict.marked());
        }
        Key blocking = chat.id().equals(verdict.blocking()) ? chat : integration;
        return waitInLine(messageId, blocking, waitNanos);
    }

    /** A rate-limited key: its row's id and its rate. */
    private record Key(String id, Rate rate) {
    }

    private record Verdict(int found, boolean admitted, String blocking, double waitSeconds, boolean marked) {
    }

    private Verdict take(TenantRef tenant, UUID messageId, Key chat, Key integration, Duration reserveUpTo) {
        return relaxed.sql(TAKE.of(tenant))
                .param("message", messageId)
                .param("sending", MessageStatus.SENDING.wireName())
                .param("reserve", seconds(reserveUpTo))
                .param("chat", chat.id())
                .param("chatStep", seconds(chat.rate().interval()))
                .param("chatTolerance", seconds(chat.rate().tolerance()))
                .param("integration", integration.id())
                .param("integrationStep", seconds(integration.rate().interval()))
                .param("integrationTolerance", seconds(integration.rate().tolerance()))
                .query((rs, n) -> new Verdict(rs.getInt("found"), rs.getBoolean("admitted"), rs.getString("blocking"),
                        rs.getDouble("wait_seconds"), rs.getBoolean("marked")))
                .single();
    }

    /** Creates the rows of keys seen for the first time (or again after {@link #removeIdle}), full. */
    private void seed(Key chat, Key integration) {
        relaxed.sql("INSERT INTO public.send_rate (id, tat) VALUES (:chat, '-infinity'), (:integration, '-infinity') "
                        + "ON CONFLICT (id) DO NOTHING")
                .param("chat", chat.id())
                .param("integration", integration.id())
                .update();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** Whether sends this node told to wait for the key are still waiting. */
    private boolean othersWait(Key key) {
        Long next = nextSlots.getIfPresent(key.id());
        return next != null && next - key.rate().interval().toNanos() > System.nanoTime();
    }

    /** Remembers that the message waits for its turn, and says how long. */
    private Admission waitInLine(UUID messageId, Key key, long refillNanos) {
        waiting.put(messageId, Boolean.TRUE);
        return new Admission(false, slot(key, refillNanos), false);
    }

    /**
     * When a send should come back: when the key admits one again ({@code refillNanos} from now),
     * or one interval after the last send this node told to wait, whichever is later.
     */
    private Duration slot(Key key, long refillNanos) {
        long now = System.nanoTime();
        long earliest = now + refillNanos;
        long interval = key.rate().interval().toNanos();
        long next = nextSlots.asMap().merge(key.id(), earliest + interval,
                (previous, proposed) -> Math.max(previous, earliest) + interval);
        return Duration.ofNanos(next - interval - now);
    }

    /** Drops keys idle long enough to be full again (they would be recreated identical). */
    public void removeIdle() {
        relaxed.sql("DELETE FROM public.send_rate WHERE tat < now() - make_interval(secs => :idle)")
                .param("idle", seconds(KEEP_IDLE_KEYS))
                .update();
    }

    /**
     * How long a send may take from asking for its tokens to its call: the margin under the chat's
     * published rate. A call later than that could reach the provider closer to the chat's next send
     * than the provider allows, so it should ask again (its place is lost, which only delays it).
     */
    public Duration punctuality(String chatId, ChannelCapabilities limits) {
        if (!config.rateLimits()) {
            return ChronoUnit.FOREVER.getDuration();
        }
        return chatRate(chatId, limits).interval()
                .minusNanos((long) (1e9 / publishedChatRate(chatId, limits) / config.rateScale()));
    }

    /** A key's refill interval and the sends it admits at once. */
    private record Rate(Duration interval, int burst) {

        /** How far ahead of now a key's time may be and still admit a send: the rest of the burst. */
        Duration tolerance() {
            return interval.multipliedBy(burst - 1);
        }
    }

    private Rate chatRate(String chatId, ChannelCapabilities limits) {
        return rate(publishedChatRate(chatId, limits));
    }

    /** The provider's sends per second to the chat: a group's or a person's. */
    private static double publishedChatRate(String chatId, ChannelCapabilities limits) {
        boolean group = chatId.startsWith("-") || chatId.endsWith("@g.us");
        return group ? limits.perGroupPerMinute() / 60.0 : limits.perChatPerSecond();
    }

    /** Aimed {@link #SAFETY} under {@code perSecond}, holding the burst the rest of a second's allowance leaves. */
    private Rate rate(double perSecond) {
        double aimed = perSecond * SAFETY;
        int burst = (int) Math.max(1, Math.floor(perSecond - aimed));
        return new Rate(Duration.ofNanos((long) (1e9 / aimed / config.rateScale())), burst);
    }
}
