package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.SandboxHttpServer;
import dev.switchboard.sandbox.time.EmulatorClock;
import dev.switchboard.sandbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A faithful Twilio Programmable Messaging API (the WhatsApp channel) on 127.0.0.1, standing in
 * for https://api.twilio.com: point a client's base URL at {@link #baseUrl()}. Besides the REST
 * API it offers a Java control surface (accounts, senders, webhooks, inbound messages, status
 * timelines, callback quirks, faults, the clock) and the same over HTTP under
 * {@code /_sandbox/twilio}. Thread-safe.
 */
public final class TwilioEmulator implements AutoCloseable {

    private final EmulatorClock clock = new EmulatorClock();
    private final Switches switches = new Switches();
    private final TwilioState state = new TwilioState(clock, switches);
    private final Scheduler scheduler = new Scheduler(clock, "twilio-scheduler");
    private final FormPoster poster = new FormPoster();
    private final CallbackSender callbacks = new CallbackSender(state, poster);
    private final StatusProgression progression = new StatusProgression(state, scheduler, callbacks);
    private final InboundDelivery inbound = new InboundDelivery(state, poster, progression);
    private final FaultBook faults = new FaultBook();
    private final SandboxHttpServer server;

    private TwilioEmulator(int port) {
        MessageCreator creator = new MessageCreator(state, progression);
        server = SandboxHttpServer.start(port)
                .route(RestHandler.PREFIX, new RestHandler(state, faults, creator, new MessageQuery(state)))
                .route(ControlSurface.PREFIX, new ControlSurface(this))
                .fallback(request -> TwilioException.notFound(request.path()).response());
    }

    /** Starts on a free port. */
    public static TwilioEmulator start() {
        return start(0);
    }

    public static TwilioEmulator start(int port) {
        return new TwilioEmulator(port);
    }

    /** {@code http://127.0.0.1:PORT}: use it where a client expects https://api.twilio.com. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        state.locked(state::close);
        scheduler.close();
        poster.close();
        server.close();
    }

    /**
     * Forgets accounts, senders, webhooks, messages, windows, recordings and armed faults, and resets
     * the clock. Switches (timeline, callback quirks, timeouts) keep their values.
     */
    public void reset() {
        state.locked(state::reset);
        scheduler.clear();
        faults.clear();
        clock.reset();
    }

    // ---- accounts, senders, webhooks

    /** An active full account with a fresh SID (AC + 32 hex) and Auth Token (32 hex). */
    public Account createAccount() {
        return state.locked(() -> createAccount(Sids.of("AC", state.random), Sids.token(state.random)));
    }

    public Account createAccount(String accountSid, String authToken) {
        if (!Sids.valid("AC", accountSid)) {
            throw new IllegalArgumentException("an Account SID is AC + 32 lowercase hex digits");
        }
        if (authToken == null || authToken.length() < 8) {
            throw new IllegalArgumentException("an Auth Token has 32 characters");
        }
        Account account = new Account(accountSid, authToken);
        state.locked(() -> {
            if (state.accounts.containsKey(accountSid)) {
                throw new IllegalArgumentException("account " + accountSid + " exists");
            }
            state.accounts.put(accountSid, new AccountData(account, "Sandbox " + accountSid.substring(2, 8),
                    clock.now()));
        });
        return account;
    }

    /** A WhatsApp sender of the account, e.g. {@code whatsapp:+14155238886}; only senders may be a From. */
    public void registerSender(String accountSid, String whatsappAddress) {
        if (!MessageCreator.WHATSAPP.matcher(whatsappAddress).matches()) {
            throw new IllegalArgumentException("a WhatsApp sender is whatsapp:+E164, not " + whatsappAddress);
        }
        onAccount(accountSid, account -> {
            account.senders.add(whatsappAddress);
            account.channelInstallSids.putIfAbsent(whatsappAddress, Sids.of("XE", state.random));
            return null;
        });
    }

    /** A Messaging Service (MG...) sending from these senders; messages created with it start "accepted". */
    public String createMessagingService(String accountSid, String... senders) {
        return onAccount(accountSid, account -> {
            for (String sender : senders) {
                if (!account.senders.contains(sender)) {
                    throw new IllegalArgumentException(sender + " is not a sender of " + accountSid);
                }
            }
            String sid = Sids.of("MG", state.random);
            account.services.put(sid, new ArrayList<>(Arrays.asList(senders)));
            return sid;
        });
    }

    /**
     * Where inbound messages to {@code sender} are POSTed, and where they go when that fails
     * ({@code fallbackUrl} may be null). URLs may carry Twilio's {@code #rc=..&rp=..&ct=..&rt=..&tt=..}.
     */
    public void setIncomingWebhook(String accountSid, String sender, String url, String fallbackUrl) {
        onAccount(accountSid, account -> {
            if (!account.senders.contains(sender)) {
                throw new IllegalArgumentException(sender + " is not a sender of " + accountSid);
            }
            account.hooks.put(sender, new AccountData.Hook(url, fallbackUrl));
            return null;
        });
    }

    // ---- what WhatsApp users do (each returns the inbound MessageSid and opens the 24-hour window)

    public String injectInbound(String accountSid, String from, String to, String body, String profileName) {
        return receive(accountSid, from, to, profileName,
                new InboundDelivery.Content("text", body, Map.of(), List.of()));
    }

    /** A photo, video, voice note or document: MediaUrl0/MediaContentType0, the caption as Body. */
    public String injectMedia(String accountSid, String from, String to, String profileName, String mediaUrl,
            String contentType, String caption) {
        String type = contentType.startsWith("image/") ? "image" : contentType.startsWith("video/") ? "video"
                : contentType.startsWith("audio/") ? "audio" : "document";
        return receive(accountSid, from, to, profileName, new InboundDelivery.Content(type,
                caption == null ? "" : caption, Map.of("MediaContentType0", contentType), List.of(mediaUrl)));
    }

    public String injectLocation(String accountSid, String from, String to, String profileName, double latitude,
            double longitude, String label, String address) {
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        extra.put("Latitude", Double.toString(latitude));
        extra.put("Longitude", Double.toString(longitude));
        if (label != null) {
            extra.put("Label", label);
        }
        if (address != null) {
            extra.put("Address", address);
        }
        return receive(accountSid, from, to, profileName, new InboundDelivery.Content("location", "", extra,
                List.of()));
    }

    /** A quick-reply tap: MessageType=button, Body and ButtonText the label, ButtonPayload the id. */
    public String injectButtonTap(String accountSid, String from, String to, String profileName, String buttonText,
            String buttonPayload) {
        return receive(accountSid, from, to, profileName, new InboundDelivery.Content("button", buttonText,
                Map.of("ButtonText", buttonText, "ButtonPayload", buttonPayload), List.of()));
    }

    // ---- what happened

    /** Every message of the account, oldest first, inbound and outbound. */
    public List<TwilioMessage> messages(String accountSid) {
        return onAccount(accountSid, account -> state.messages.values().stream()
                .filter(message -> message.accountSid.equals(accountSid)).map(MessageRecord::snapshot).toList());
    }

    public TwilioMessage message(String messageSid) {
        return state.locked(() -> {
            MessageRecord message = state.messages.get(messageSid);
            if (message == null) {
                throw new IllegalArgumentException("no message " + messageSid);
            }
            return message.snapshot();
        });
    }

    public List<CallbackDelivery> statusCallbacks(String accountSid) {
        return onAccount(accountSid, account -> List.copyOf(account.callbacks));
    }

    public List<WebhookDelivery> inboundDeliveries(String accountSid) {
        return onAccount(accountSid, account -> List.copyOf(account.inbound));
    }

    /** Whether a free-form message from {@code sender} to {@code recipient} would be delivered now. */
    public boolean windowOpen(String sender, String recipient) {
        return state.locked(() -> state.windowOpen(sender, recipient));
    }

    // ---- timelines, callbacks, faults, time

    /** When sent, delivered and read follow creation (defaults 0.5 s, 1 s, 3 s). */
    public void statusTimeline(Duration toSent, Duration toDelivered, Duration toRead) {
        switches.toSent = Objects.requireNonNull(toSent);
        switches.toDelivered = Objects.requireNonNull(toDelivered);
        switches.toRead = Objects.requireNonNull(toRead);
    }

    /** Every status callback is POSTed twice (same I-Twilio-Idempotency-Token), as Twilio sometimes does. */
    public void duplicateCallbacks(boolean duplicate) {
        switches.duplicateCallbacks = duplicate;
    }

    /** The delivered callback is held back and POSTed after the read one. */
    public void outOfOrderCallbacks(boolean outOfOrder) {
        switches.outOfOrderCallbacks = outOfOrder;
    }

    /** Webhooks and callbacks carry a signature made with the wrong key, to test that receivers reject them. */
    public void badSignatures(boolean bad) {
        switches.badSignatures = bad;
    }

    /** How long a webhook may take to answer before Twilio gives up (15 s), unless the URL says {@code #rt=}. */
    public void webhookTimeout(Duration timeout) {
        switches.webhookTimeout = Objects.requireNonNull(timeout);
    }

    /**
     * Ends an outbound message now: 30003-30036 as undelivered, anything else (63016, 63038, ...) as
     * failed, with Twilio's error text and a status callback. Ignored for messages already failed.
     */
    public void failMessage(String messageSid, int errorCode) {
        state.locked(() -> {
            MessageRecord message = state.messages.get(messageSid);
            if (message == null || message.inbound()) {
                throw new IllegalArgumentException("no outbound message " + messageSid);
            }
            progression.fail(message, errorCode);
        });
    }

    /** The next {@code times} REST calls authenticated as this account get {@code fault}. */
    public void armFault(String accountSid, Fault fault, int times) {
        onAccount(accountSid, account -> null);
        faults.arm(accountSid, Objects.requireNonNull(fault), times);
    }

    public void clearFaults() {
        faults.clear();
    }

    public Instant now() {
        return clock.now();
    }

    /** Moves emulator time forward: due statuses happen, and windows older than 24 h close. */
    public void advanceClock(Duration duration) {
        clock.advance(duration);
        scheduler.poke();
    }

    private String receive(String accountSid, String from, String to, String profileName,
            InboundDelivery.Content content) {
        return onAccount(accountSid, account -> inbound.receive(account, from, to, profileName, content));
    }

    private <T> T onAccount(String accountSid, Function<AccountData, T> action) {
        return state.locked(() -> action.apply(state.require(accountSid)));
    }
}
