package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.SandboxHttpServer;
import dev.switchboard.sandbox.time.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A faithful Telegram Bot API on 127.0.0.1 for tests and demos: point a real client at
 * {@link #baseUrl()} instead of https://api.telegram.org. Besides the Bot API it offers a
 * Java control surface (seed bots and users, inject what users do, read what bots did, arm
 * faults, steer webhook delivery and the clock) and the same over HTTP under
 * {@code /_sandbox/telegram}. All methods are thread-safe.
 */
public final class TelegramEmulator implements AutoCloseable {

    private final EmulatorClock clock = new EmulatorClock();
    private final TelegramState state = new TelegramState(clock);
    private final EmulatorSettings settings = new EmulatorSettings();
    private final FaultBook faults = new FaultBook();
    private final RateLimiter rateLimiter = new RateLimiter();
    private final WebhookDeliverer deliverer = new WebhookDeliverer(state, settings);
    private final WebhookMethods webhooks = new WebhookMethods(state, settings, deliverer::wake);
    private final MediaFactory media = new MediaFactory(state);
    private final Inbound inbound = new Inbound(state, media);
    private final SandboxHttpServer server;

    private TelegramEmulator(int port) {
        state.onUpdateQueued(deliverer::wake);
        MethodTable methods = TelegramMethods.create(state, settings, webhooks, media);
        server = SandboxHttpServer.start(port)
                .route("/bot", new BotApiHandler(state, methods, faults, rateLimiter, settings))
                .route(FileDownloadHandler.PREFIX, new FileDownloadHandler(state))
                .route(ControlSurface.PREFIX, new ControlSurface(this))
                .fallback(request -> Envelopes.error(ApiException.notFound()));
    }

    /** Starts on a free port. */
    public static TelegramEmulator start() {
        return start(0);
    }

    public static TelegramEmulator start(int port) {
        return new TelegramEmulator(port);
    }

    /** {@code http://127.0.0.1:PORT}: use it where a client expects https://api.telegram.org. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        state.locked(state::close);
        deliverer.close();
        server.close();
    }

    /**
     * Forgets bots, users, chats, updates, recordings and armed faults, and resets the clock.
     * Switches (delivery, retry, rate limits, latency) keep their values.
     */
    public void reset() {
        state.locked(state::reset);
        faults.clear();
        rateLimiter.reset();
        clock.reset();
    }

    // ---- bots, users and chats

    /** A bot with a BotFather-like token ({@code <10 digits>:AA<33 chars>}). */
    public Bot createBot(String username) {
        return state.locked(() -> {
            String token;
            do {
                token = Tokens.generate(state.random);
            } while (state.account(token) != null);
            return createBot(username, token);
        });
    }

    /** A bot with the given token; its id is the token's numeric prefix. */
    public Bot createBot(String username, String token) {
        Objects.requireNonNull(username, "username");
        long id = Tokens.botId(token);
        if (!ApiPath.plausibleToken(token)) {
            throw new IllegalArgumentException("Telegram would reject this token: " + Tokens.mask(token));
        }
        Bot bot = new Bot(id, username, token);
        state.locked(() -> state.addBot(bot));
        return bot;
    }

    /** Later calls with this token get 401 Unauthorized, as after /revoke in BotFather. */
    public void revokeToken(String token) {
        updateBot(token, bot -> bot.revoked = true);
    }

    public void restoreToken(String token) {
        updateBot(token, bot -> bot.revoked = false);
    }

    /** Creates the user and their private chat (same id), or returns the existing user with that id. */
    public TgUser user(long id, String firstName, String username, String languageCode) {
        return state.locked(() -> state.directory.user(new TgUser(id, firstName, username, languageCode)));
    }

    /** A basic group (negative id); every bot is a member. */
    public long group(String title) {
        return state.locked(() -> state.directory.group(title, Chat.Type.GROUP));
    }

    /** A supergroup ({@code -100...} id); every bot is a member. */
    public long supergroup(String title) {
        return state.locked(() -> state.directory.group(title, Chat.Type.SUPERGROUP));
    }

    // ---- what users do (each returns the update_id, 0 if allowed_updates exclude the type)

    /** A private message; it also "starts" the bot, which lets the bot write to this user. */
    public long injectText(String token, TgUser from, String text) {
        return inbound.text(token, from.id(), from, text);
    }

    public long injectText(String token, long chatId, TgUser from, String text) {
        return inbound.text(token, chatId, from, text);
    }

    /** A tap on an inline button of bot message {@code messageId} in the user's private chat. */
    public long injectCallback(String token, TgUser from, long messageId, String data) {
        return inbound.callback(token, from.id(), from, messageId, data);
    }

    public long injectCallback(String token, long chatId, TgUser from, long messageId, String data) {
        return inbound.callback(token, chatId, from, messageId, data);
    }

    public long injectPhoto(String token, TgUser from, String caption) {
        return inbound.photo(token, from, caption);
    }

    public long injectDocument(String token, TgUser from, String fileName, String mimeType) {
        return inbound.document(token, from, fileName, mimeType);
    }

    public long injectVoice(String token, TgUser from, int durationSeconds) {
        return inbound.voice(token, from, durationSeconds);
    }

    public long injectLocation(String token, TgUser from, double latitude, double longitude) {
        return inbound.location(token, from, latitude, longitude);
    }

    public long injectContact(String token, TgUser from, String phoneNumber, String firstName) {
        return inbound.contact(token, from, phoneNumber, firstName);
    }

    /** Any update, e.g. {@code {"my_chat_member": {...}}}; the update_id is assigned here. */
    public long injectRawUpdate(String token, String updateJsonWithoutUpdateId) {
        return inbound.raw(token, updateJsonWithoutUpdateId);
    }

    /** The callback_query id carried by an update {@link #injectCallback} created. */
    public String callbackQueryId(String token, long updateId) {
        return state.locked(() -> {
            state.requireAccount(token);
            return state.callbacks.forUpdate(updateId);
        });
    }

    // ---- what bots did

    public List<SentMessage> sentMessages(String token) {
        return onBot(token, bot -> List.copyOf(bot.journal.sent));
    }

    public List<SentMessage> sentMessages(String token, long chatId) {
        return onBot(token, bot -> bot.journal.sent.stream().filter(sent -> sent.chatId() == chatId).toList());
    }

    public List<ApiCall> calls(String token) {
        return onBot(token, bot -> List.copyOf(bot.journal.calls));
    }

    public List<AnsweredCallback> answeredCallbacks(String token) {
        return onBot(token, bot -> List.copyOf(bot.journal.answered));
    }

    public List<DeliveryAttempt> deliveries(String token) {
        return onBot(token, bot -> List.copyOf(bot.journal.deliveries));
    }

    /** Like getWebhookInfo, plus the secret; url is "" when no webhook is set. */
    public WebhookInfo webhookInfo(String token) {
        return onBot(token, bot -> {
            bot.updates.expire(clock.now());
            WebhookConfig webhook = bot.webhook;
            return new WebhookInfo(webhook == null ? "" : webhook.url(), webhook == null ? null : webhook.secret(),
                    bot.updates.size(), bot.lastErrorMessage, bot.lastErrorDate,
                    webhook == null ? 0 : webhook.maxConnections(), bot.allowedUpdates);
        });
    }

    /** As if another process called deleteWebhook with this token. */
    public void deleteWebhookBehindBack(String token) {
        updateBot(token, bot -> webhooks.remove(bot, false));
    }

    // ---- webhook delivery

    /** Allows http:// webhooks on any port (Telegram requires https on 443, 80, 88 or 8443). */
    public void allowInsecureWebhooks(boolean allow) {
        settings.insecureWebhooks = allow;
    }

    /**
     * Retry schedule after failed deliveries: the first retry is immediate, then
     * {@code initialBackoff}·2, ·4, ... capped at {@code maxBackoff}; after {@code maxAttempts}
     * attempts the update is dropped (Telegram itself only drops expired updates).
     */
    public void webhookRetry(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff and maxAttempts >= 1");
        }
        settings.initialBackoff = initialBackoff;
        settings.maxBackoff = maxBackoff;
        settings.maxAttempts = maxAttempts;
    }

    /** How long a webhook may take to answer before the attempt fails with "Read timeout expired". */
    public void webhookResponseTimeout(Duration timeout) {
        settings.responseTimeout = timeout;
    }

    public void pauseDelivery(boolean paused) {
        settings.deliveryPaused = paused;
        if (!paused) {
            deliverer.wake();
        }
    }

    // ---- faults, limits, latency, time

    /** The next {@code times} calls of {@code method} ("*" = any) by this bot fail with {@code fault}. */
    public void armFault(String token, String method, Fault fault, int times) {
        requireBot(token);
        faults.arm(token, Objects.requireNonNull(method, "method"), null, Objects.requireNonNull(fault), times);
    }

    /** The next {@code times} calls by this bot addressed to {@code chatId} fail with {@code fault}. */
    public void armChatFault(String token, long chatId, Fault fault, int times) {
        requireBot(token);
        faults.arm(token, "*", chatId, Objects.requireNonNull(fault), times);
    }

    public void clearFaults() {
        faults.clear();
    }

    /**
     * Answers sends over these rates with 429 and retry_after, like Telegram's flood control
     * (Bot FAQ: about 1/s per chat, 20/min per group, 30/s per bot). A value ≤ 0 disables that limit.
     */
    public void enforceRateLimits(double perChatPerSecond, int perGroupPerMinute, double perBotPerSecond) {
        rateLimiter.configure(new RateLimiter.Limits(perChatPerSecond, perGroupPerMinute, perBotPerSecond));
    }

    public void disableRateLimits() {
        rateLimiter.configure(null);
    }

    /** Adds a fixed delay to every Bot API call, e.g. to benchmark against realistic round trips. */
    public void latency(Duration delay) {
        settings.latency = Objects.requireNonNull(delay);
    }

    /** How long after a tap answerCallbackQuery still succeeds (default 1 minute). */
    public void callbackAnswerWindow(Duration window) {
        settings.callbackAnswerWindow = Objects.requireNonNull(window);
    }

    /** The emulator's clock: message dates, expiry, flood control and webhook retries follow it. */
    public Instant now() {
        return clock.now();
    }

    /** Moves the emulator's clock forward, e.g. past the 24 h update retention. */
    public void advanceClock(Duration duration) {
        clock.advance(duration);
        state.locked(state::signalChange);
        deliverer.wake();
    }

    private <T> T onBot(String token, Function<BotAccount, T> action) {
        return state.locked(() -> action.apply(state.requireAccount(token)));
    }

    private void updateBot(String token, Consumer<BotAccount> action) {
        state.locked(() -> action.accept(state.requireAccount(token)));
    }

    private void requireBot(String token) {
        state.locked(() -> state.requireAccount(token));
    }
}
