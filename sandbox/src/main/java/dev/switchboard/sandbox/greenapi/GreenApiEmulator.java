package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.SandboxHttpServer;
import dev.switchboard.sandbox.time.EmulatorClock;
import dev.switchboard.sandbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A faithful Green API (WhatsApp) on 127.0.0.1 for tests and demos. Point a real client's apiUrl
 * at {@link #apiUrl()} and its mediaUrl at {@link #mediaUrl()} (a distinct base on the same
 * server, so mixing them up fails as it would against Green API). Besides the API it offers a
 * Java control surface (instances, states, WhatsApp users, inbound messages, recordings, faults,
 * timelines, the clock) and the same over HTTP under {@code /_sandbox/greenapi}. Thread-safe.
 */
public final class GreenApiEmulator implements AutoCloseable {

    private static final Set<String> FAILURE_STATUSES = Set.of("failed", "noAccount", "notInGroup", "yellowCard");

    private final EmulatorClock clock = new EmulatorClock();
    private final Switches switches = new Switches();
    private final GreenState state = new GreenState(clock, switches);
    private final Scheduler scheduler = new Scheduler(clock, "greenapi-scheduler");
    private final Notifier notifier = new Notifier(state);
    private final WebhookPusher pusher = new WebhookPusher(state, scheduler, notifier);
    private final Dispatcher dispatcher = new Dispatcher(state, scheduler, notifier);
    private final StateMachine states = new StateMachine(state, scheduler, notifier, dispatcher);
    private final FaultBook faults = new FaultBook();
    private final RateLimiter rateLimiter = new RateLimiter();
    private final FileStore files = new FileStore();
    private final Inbound inbound = new Inbound(state, notifier, files);
    private final SandboxHttpServer server;

    private GreenApiEmulator(int port) {
        notifier.onQueued(pusher::wake);
        Outbox outbox = new Outbox(state, dispatcher);
        MethodTable methods = new MethodTable();
        new AccountMethods(state, states, pusher).register(methods);
        new SendMethods(outbox).register(methods);
        new UploadMethods(state, outbox, files).register(methods);
        new JournalMethods().register(methods);
        new NotificationMethods(state, notifier).register(methods);
        server = SandboxHttpServer.start(port)
                .route("/waInstance", new ApiHandler(state, methods, faults, rateLimiter, false))
                .route(ApiHandler.MEDIA_PREFIX + "/waInstance", new ApiHandler(state, methods, faults, rateLimiter, true))
                .route(FileStore.PREFIX, files)
                .route(ControlSurface.PREFIX, new ControlSurface(this))
                .fallback(request -> GreenErrors.nginx(404, "Not Found"));
        files.baseUrl(server.baseUrl());
    }

    /** Starts on a free port. */
    public static GreenApiEmulator start() {
        return start(0);
    }

    public static GreenApiEmulator start(int port) {
        return new GreenApiEmulator(port);
    }

    /** {@code http://127.0.0.1:PORT}: the instance's apiUrl. */
    public String apiUrl() {
        return server.baseUrl();
    }

    /** {@code http://127.0.0.1:PORT/media}: the instance's mediaUrl, for sendFileByUpload and uploadFile. */
    public String mediaUrl() {
        return server.baseUrl() + ApiHandler.MEDIA_PREFIX;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        state.locked(state::close);
        scheduler.close();
        pusher.close();
        server.close();
    }

    /**
     * Forgets instances, WhatsApp users, groups, queues, recordings, files and armed faults, and
     * resets the clock. Switches (timelines, retry delay, scales, rate limits) keep their values.
     */
    public void reset() {
        state.locked(state::reset);
        scheduler.clear();
        faults.clear();
        rateLimiter.reset();
        files.clear();
        clock.reset();
    }

    // ---- instances and users

    /** An authorized instance with a 10-digit id (1101000001, ...), a 50-character hex token and its own number. */
    public Instance createInstance() {
        return state.locked(() -> {
            long id;
            do {
                id = state.nextInstanceId++;
            } while (state.instances.containsKey(id));
            String phone;
            do {
                phone = "7900" + String.format("%07d", state.random.nextInt(10_000_000));
            } while (state.whatsAppUsers.contains(phone));
            return createInstance(id, Ids.token(state.random), phone);
        });
    }

    /** An authorized instance with these credentials; {@code phoneDigits} becomes its wid. */
    public Instance createInstance(long idInstance, String apiTokenInstance, String phoneDigits) {
        if (idInstance < 1 || idInstance > 9_999_999_999L) {
            throw new IllegalArgumentException("idInstance has 1 to 10 digits: " + idInstance);
        }
        if (apiTokenInstance == null || !apiTokenInstance.matches("[A-Za-z0-9]{8,}")) {
            throw new IllegalArgumentException("apiTokenInstance must be 8+ letters or digits");
        }
        Instance instance = new Instance(idInstance, apiTokenInstance, Inbound.digits(phoneDigits) + "@c.us");
        state.locked(() -> {
            if (state.instances.containsKey(idInstance)) {
                throw new IllegalArgumentException("instance " + idInstance + " exists");
            }
            state.instances.put(idInstance, new InstanceAccount(instance));
            state.whatsAppUsers.add(instance.phoneDigits());
        });
        return instance;
    }

    /**
     * Sets stateInstance (notAuthorized, authorized, blocked, sleepMode, starting, yellowCard), emitting
     * stateInstanceChanged when stateWebhook is on. Only authorized instances send their queue.
     */
    public void setState(long idInstance, String stateInstance) {
        onInstance(idInstance, account -> {
            states.set(account, stateInstance);
            return null;
        });
    }

    public String state(long idInstance) {
        return onInstance(idInstance, account -> account.state);
    }

    /** The settings as getSettings answers them (wid included). */
    public Map<String, Object> settings(long idInstance) {
        return onInstance(idInstance, account -> account.settings.snapshot());
    }

    /** Applies settings with setSettings' checks but no restart, e.g. {@code Map.of("incomingWebhook", "yes")}. */
    public void configure(long idInstance, Map<String, ?> settings) {
        onInstance(idInstance, account -> {
            account.settings.apply(settings);
            state.signalChange();
            pusher.wake(account);
            return null;
        });
    }

    /** A number that has WhatsApp; sends to other personal chats end in noAccount. */
    public void registerWhatsAppUser(String phoneDigits) {
        String digits = Inbound.digits(phoneDigits);
        state.locked(() -> {
            state.whatsAppUsers.add(digits);
        });
    }

    // ---- what WhatsApp users do (each returns the idMessage)

    public String injectText(long idInstance, String fromPhoneDigits, String senderName, String text) {
        return onInstance(idInstance, account -> inbound.text(account, fromPhoneDigits, senderName, text));
    }

    /** A text with a link preview (extendedTextMessage). */
    public String injectExtendedText(long idInstance, String fromPhoneDigits, String senderName, String text,
            String title, String description) {
        return onInstance(idInstance, account -> inbound.extendedText(account, fromPhoneDigits, senderName, text,
                title, description));
    }

    /** A media message; its downloadUrl serves stand-in content of the file's type from this emulator. */
    public String injectFile(long idInstance, String fromPhoneDigits, String senderName, String typeMessage,
            String fileName, String mimeType, String caption) {
        return onInstance(idInstance, account -> inbound.file(account, fromPhoneDigits, senderName, typeMessage,
                fileName, mimeType, caption));
    }

    public String injectLocation(long idInstance, String fromPhoneDigits, String senderName, double latitude,
            double longitude, String nameLocation, String address) {
        return onInstance(idInstance, account -> inbound.location(account, fromPhoneDigits, senderName, latitude,
                longitude, nameLocation, address));
    }

    public String injectContact(long idInstance, String fromPhoneDigits, String senderName, String displayName,
            String vcard) {
        return onInstance(idInstance, account -> inbound.contact(account, fromPhoneDigits, senderName, displayName,
                vcard));
    }

    /** A tap on a quick-reply button (buttonsResponseMessage); stanzaId is the idMessage that carried the buttons. */
    public String injectButtonReply(long idInstance, String fromPhoneDigits, String senderName, String buttonId,
            String buttonText, String stanzaId) {
        return onInstance(idInstance, account -> inbound.buttonReply(account, fromPhoneDigits, senderName, buttonId,
                buttonText, stanzaId));
    }

    /** A tap on a template button (templateButtonsReplyMessage with templateButtonReplyMessage). */
    public String injectTemplateButtonReply(long idInstance, String fromPhoneDigits, String senderName,
            String selectedId, String selectedDisplayText, int selectedIndex, String stanzaId) {
        return onInstance(idInstance, account -> inbound.templateButtonReply(account, fromPhoneDigits, senderName,
                selectedId, selectedDisplayText, selectedIndex, stanzaId));
    }

    /** An incoming call (typeWebhook incomingCall, status offer), when incomingCallWebhook is on. */
    public String injectIncomingCall(long idInstance, String fromPhoneDigits) {
        return onInstance(idInstance, account -> inbound.call(account, fromPhoneDigits));
    }

    /** A text in a group ({@code ...@g.us}); the group becomes known, so the instance can send to it. */
    public String injectGroupText(long idInstance, String groupChatId, String participantPhone, String senderName,
            String text) {
        return onInstance(idInstance, account -> inbound.group(account, groupChatId, participantPhone, senderName,
                text));
    }

    /** A message the owner typed on the linked phone (outgoingMessageReceived, when outgoingMessageWebhook is on). */
    public String injectSentFromPhone(long idInstance, String toPhoneDigits, String text) {
        return onInstance(idInstance, account -> inbound.fromPhone(account, toPhoneDigits, text));
    }

    // ---- what clients did

    public List<GreenSent> sent(long idInstance) {
        return onInstance(idInstance, account -> List.copyOf(account.sent));
    }

    public List<GreenDelivery> deliveries(long idInstance) {
        return onInstance(idInstance, account -> List.copyOf(account.deliveries));
    }

    /** Every call whose URL named this instance, with the status it got and whether its token was right. */
    public List<GreenCall> calls(long idInstance) {
        return onInstance(idInstance, account -> List.copyOf(account.calls));
    }

    /** Notifications not yet delivered (webhook) or deleted (HTTP API). */
    public int pendingNotifications(long idInstance) {
        return onInstance(idInstance, account -> {
            notifier.expire(account);
            return account.notifications.size();
        });
    }

    /** idMessages still waiting in the send queue. */
    public List<String> queuedMessages(long idInstance) {
        return onInstance(idInstance, account -> account.outbox.stream().map(message -> message.idMessage).toList());
    }

    /** Queues the last notification again (new receiptId): what a receiver sees when an ack got lost. */
    public void redeliverLast(long idInstance) {
        onInstance(idInstance, account -> {
            notifier.repeatLast(account);
            return null;
        });
    }

    // ---- outcomes, timelines and webhooks

    /**
     * Ends an outgoing message with {@code status} (failed, noAccount, notInGroup, yellowCard) and
     * {@code description}: at once if it was sent, else when the queue reaches it. Later statuses are dropped.
     */
    public void failMessage(String idMessage, String status, String description) {
        if (!FAILURE_STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + FAILURE_STATUSES + ", not " + status);
        }
        state.locked(() -> dispatcher.fail(idMessage, status, description));
    }

    /** When delivered and read follow sent (both measured from sent). Defaults 1 s and 3 s. */
    public void statusTimeline(Duration toDelivered, Duration toRead) {
        switches.toDelivered = Objects.requireNonNull(toDelivered);
        switches.toRead = Objects.requireNonNull(toRead);
    }

    /** The pause before a failed webhook push is resent (Green API: 60 s). */
    public void webhookRetryDelay(Duration delay) {
        switches.webhookRetryDelay = Objects.requireNonNull(delay);
    }

    /** How long a webhook may take to answer (Green API: 180 s). */
    public void webhookTimeout(Duration timeout) {
        switches.webhookTimeout = Objects.requireNonNull(timeout);
    }

    /** {@code Authorization: Bearer <webhookUrlToken>} (default) or the bare token. */
    public void bearerPrefix(boolean bearer) {
        switches.bearerPrefix = bearer;
    }

    /** Holds webhook pushes (the queue builds up) until called with false. */
    public void pauseWebhooks(boolean paused) {
        switches.pushPaused = paused;
        if (!paused) {
            wakeAll();
        }
    }

    /** How long reboot and setSettings show stateInstance "starting" (default 0: not at all). */
    public void restartWindow(Duration window) {
        switches.settingsRestart = Objects.requireNonNull(window);
    }

    /** Multiplies every delaySendMessagesMilliseconds gap, e.g. 0.01 turns 5 s into 50 ms. */
    public void sendDelayScale(double scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("scale must be >= 0");
        }
        switches.sendDelayScale = scale;
    }

    /** Caps every receiveNotification long poll (Green API: receiveTimeout 5-60 s), so tests need not wait. */
    public void receiveTimeoutCap(Duration cap) {
        switches.receiveTimeoutCap = cap;
        state.locked(state::signalChange);
    }

    /** Makes sendInteractiveButtons(Reply) answer 403 like the disabled legacy methods. */
    public void interactiveButtonsForbidden(long idInstance, boolean forbidden) {
        onInstance(idInstance, account -> {
            account.interactiveForbidden = forbidden;
            return null;
        });
    }

    // ---- faults, limits, time

    /** The next {@code times} calls of {@code method} ("*" = any) on this instance fail with {@code fault}. */
    public void armFault(long idInstance, String method, Fault fault, int times) {
        onInstance(idInstance, account -> null);
        faults.arm(idInstance, Objects.requireNonNull(method), Objects.requireNonNull(fault), times);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Answers 429 above Green API's per-method requests-per-second table (off by default). */
    public void enforceRateLimits(boolean enforce) {
        switches.rateLimits = enforce;
        rateLimiter.reset();
    }

    public Instant now() {
        return clock.now();
    }

    /** Moves emulator time forward: due statuses, sends and retries happen, and 24 h old items expire. */
    public void advanceClock(Duration duration) {
        clock.advance(duration);
        scheduler.poke();
        wakeAll();
    }

    private void wakeAll() {
        state.locked(() -> {
            for (InstanceAccount account : state.all()) {
                dispatcher.pump(account);
                pusher.wake(account);
            }
            state.signalChange();
        });
    }

    private <T> T onInstance(long idInstance, Function<InstanceAccount, T> action) {
        return state.locked(() -> action.apply(state.require(idInstance)));
    }
}
