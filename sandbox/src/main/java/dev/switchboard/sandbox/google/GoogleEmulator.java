package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.SandboxHttpServer;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A faithful Google OAuth 2.0 + Calendar API v3 on 127.0.0.1 for tests and demos. Point
 * Google's own Java clients at it ({@link #calendarRootUrl()} for {@code Calendar.Builder.setRootUrl},
 * {@link #authUrl()} and {@link #tokenUrl()} for the authorization-code flow) or any HTTP client.
 * Besides the APIs it offers a Java control surface (register clients, sign users in, change
 * calendars "in Google's UI", revoke access, arm faults, read what clients did, move the clock)
 * and the same over HTTP under {@code /_sandbox/google}. All methods are thread-safe.
 */
public final class GoogleEmulator implements AutoCloseable {

    /** The Calendar service path, as {@code Calendar.DEFAULT_SERVICE_PATH}. */
    public static final String CALENDAR_SERVICE_PATH = "calendar/v3/";

    private final GoogleClock clock = new GoogleClock();
    private final GoogleState state = new GoogleState(clock);
    private final GoogleSettings settings = new GoogleSettings();
    private final FaultBook faults = new FaultBook();
    private final PushDeliverer deliverer = new PushDeliverer(state, settings);
    private final SandboxHttpServer server;

    private GoogleEmulator(int port) {
        state.onChange(deliverer::calendarChanged);
        server = SandboxHttpServer.start(port);
        WatchMethods watch = new WatchMethods(deliverer, settings, server.baseUrl() + CalendarApi.PREFIX);
        OAuthApi oauth = new OAuthApi(state, settings, faults);
        server.route("/o/oauth2/", oauth)
                .route(OAuthApi.TOKEN_PATH, oauth)
                .route(OAuthApi.REVOKE_PATH, oauth)
                .route(CalendarApi.PREFIX, new CalendarApi(state, settings, faults, new CalendarRoutes(watch)))
                .route(ControlSurface.PREFIX, new ControlSurface(this))
                .fallback(request -> SandboxResponse.text(404, "text/html; charset=UTF-8",
                        "<!DOCTYPE html><title>Error 404 (Not Found)</title><p>404. That’s an error."));
    }

    /** Starts on a free port. */
    public static GoogleEmulator start() {
        return start(0);
    }

    public static GoogleEmulator start(int port) {
        return new GoogleEmulator(port);
    }

    // ---- addresses

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** Where a browser is sent: {@code .../o/oauth2/v2/auth} (the older {@code /o/oauth2/auth} works too). */
    public String authUrl() {
        return baseUrl() + OAuthApi.AUTHORIZE_PATH;
    }

    /** {@code .../token}, for {@code AuthorizationCodeFlow.Builder.setTokenServerUrl}. */
    public String tokenUrl() {
        return baseUrl() + OAuthApi.TOKEN_PATH;
    }

    public String revokeUrl() {
        return baseUrl() + OAuthApi.REVOKE_PATH;
    }

    /** {@code http://127.0.0.1:PORT/}: the root URL for {@code Calendar.Builder.setRootUrl}. */
    public String calendarRootUrl() {
        return baseUrl() + "/";
    }

    /** {@code http://127.0.0.1:PORT/calendar/v3/}: for plain HTTP clients. */
    public String calendarBaseUrl() {
        return baseUrl() + CalendarApi.PREFIX;
    }

    @Override
    public void close() {
        deliverer.close();
        server.close();
    }

    /**
     * Forgets clients, accounts, tokens, calendars, channels, recordings and armed faults, and
     * resets the clock. Switches (token lifetime, push settings, scope enforcement) keep their values.
     */
    public void reset() {
        state.locked(state::reset);
        faults.clear();
        clock.reset();
    }

    // ---- OAuth

    /** A Web application OAuth client with its exact redirect URIs. */
    public void registerClient(String clientId, String clientSecret, String... redirectUris) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        state.locked(() -> state.clients.put(clientId, new OAuthClient(clientId, clientSecret,
                Arrays.asList(redirectUris))));
    }

    /**
     * Creates the account (with a primary calendar in UTC) if new and signs it in: the next
     * authorizations grant access to it (unless {@code login_hint} names another known account).
     */
    public void account(String email) {
        state.locked(() -> {
            state.signedIn = state.createAccount(email, ZoneOffset.UTC).email;
        });
    }

    /** As {@link #account(String)}, and sets the primary calendar's time zone. */
    public void account(String email, ZoneId timeZone) {
        Objects.requireNonNull(timeZone, "timeZone");
        state.locked(() -> {
            Account account = state.createAccount(email, timeZone);
            account.primary().zone = timeZone;
            state.signedIn = account.email;
        });
    }

    /** A secondary calendar of the account; returns its id ({@code c_...@group.calendar.google.com}). */
    public String addCalendar(String email, String summary) {
        return state.locked(() -> {
            Account account = state.requireAccount(email);
            String id = state.ids.calendarId();
            account.calendars.put(id, new StoredCalendar(id, account.email, summary, account.primary().zone, false,
                    state.ids.resourceId(), clock.now()));
            return id;
        });
    }

    /** The user clicks "Cancel" on the next consent screen: the redirect carries {@code error=access_denied}. */
    public void denyNextAuthorization() {
        state.locked(() -> {
            state.denyNextAuthorization = true;
        });
    }

    /**
     * On the next consent screen the user leaves only these scopes ticked (openid, email and
     * profile cannot be unticked); the token response's {@code scope} then lists fewer scopes.
     */
    public void grantOnlyScopes(String... scopes) {
        state.locked(() -> {
            state.nextGrantOnly = new LinkedHashSet<>(Scopes.parse(String.join(" ", scopes)));
        });
    }

    /** {@code expires_in} of access tokens issued from now on (default 3599 s). */
    public void accessTokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        settings.accessTokenLifetime = lifetime;
    }

    /**
     * What the user does under "Third-party access" in their Google account: every client loses
     * access; refresh then answers {@code invalid_grant}, Calendar calls 401. Returns how many
     * refresh tokens died.
     */
    public int revokeRefreshTokens(String email) {
        return state.locked(() -> state.tokens.revokeAllFor(GoogleState.normalize(email)));
    }

    /** The next {@code times} token requests answer 503 with an HTML page. */
    public void tokenEndpointOutage(int times) {
        faults.arm("oauth.token", Fault.serviceUnavailable(), times);
    }

    /** When false, any valid token may call any Calendar method (default true: scopes are checked). */
    public void enforceScopes(boolean enforce) {
        settings.enforceScopes = enforce;
    }

    // ---- calendars as the user sees them

    /** Every event of the calendar ({@code primary} works), deleted ones included with status cancelled. */
    public List<CalendarEvent> events(String email, String calendarId) {
        return state.locked(() -> state.requireCalendar(email, calendarId).events.values().stream()
                .map(EventJson::toPublic).toList());
    }

    public Optional<CalendarEvent> event(String email, String calendarId, String eventId) {
        return state.locked(() -> Optional.ofNullable(state.requireCalendar(email, calendarId).events.get(eventId))
                .map(EventJson::toPublic));
    }

    /** The user creates an event in Google Calendar's UI; watch channels are notified. */
    public CalendarEvent createEventAsUser(String email, String calendarId, String summary, Instant start,
            Instant end) {
        return asUser(() -> {
            StoredCalendar calendar = state.requireCalendar(email, calendarId);
            ObjectNode fields = Json.object().put("summary", summary);
            fields.set("start", Json.object().put("dateTime", Rfc3339.inZone(start, calendar.zone)));
            fields.set("end", Json.object().put("dateTime", Rfc3339.inZone(end, calendar.zone)));
            return EventJson.toPublic(EventMethods.create(state, calendar, null, calendar.ownerEmail, fields));
        });
    }

    /** Any event resource as JSON, e.g. with {@code recurrence}, all-day {@code date}s or an {@code id}. */
    public CalendarEvent createEventAsUser(String email, String calendarId, String eventJson) {
        return asUser(() -> {
            StoredCalendar calendar = state.requireCalendar(email, calendarId);
            ObjectNode body = object(eventJson);
            String id = EventTime.text(body, "id");
            if (id != null && (!Ids.EVENT_ID.matcher(id).matches() || calendar.events.containsKey(id))) {
                throw new IllegalArgumentException("invalid or duplicate event id " + id);
            }
            return EventJson.toPublic(EventMethods.create(state, calendar, id, calendar.ownerEmail,
                    EventFields.sanitize(body)));
        });
    }

    /** The user moves or renames an event; {@code updated} moves, watch channels are notified. */
    public CalendarEvent updateEventAsUser(String email, String calendarId, String eventId, String summary,
            Instant start, Instant end) {
        ZoneId zone = state.locked(() -> state.requireCalendar(email, calendarId).zone);
        ObjectNode patch = Json.object().put("summary", summary);
        patch.set("start", Json.object().put("dateTime", Rfc3339.inZone(start, zone)));
        patch.set("end", Json.object().put("dateTime", Rfc3339.inZone(end, zone)));
        return updateEventAsUser(email, calendarId, eventId, Json.write(patch));
    }

    /** A patch with the semantics of events.patch. */
    public CalendarEvent updateEventAsUser(String email, String calendarId, String eventId, String patchJson) {
        return asUser(() -> {
            StoredEvent event = requireEvent(email, calendarId, eventId);
            ObjectNode merged = event.fields.deepCopy();
            merged.put("status", event.status);
            EventFields.merge(merged, EventFields.sanitize(object(patchJson)));
            EventFields.apply(event, merged);
            state.touch(event);
            return EventJson.toPublic(event);
        });
    }

    /** The user deletes an event: it turns {@code cancelled}, incremental syncs report it. */
    public void deleteEventAsUser(String email, String calendarId, String eventId) {
        asUser(() -> {
            StoredEvent event = requireEvent(email, calendarId, eventId);
            if (event.cancelled()) {
                throw new IllegalStateException("event " + eventId + " is already deleted");
            }
            EventMethods.cancel(state, event);
            return null;
        });
    }

    /** Every sync token issued so far for the account's calendars answers 410 from now on. */
    public void invalidateSyncTokens(String email) {
        state.locked(() -> {
            state.requireAccount(email).syncGeneration++;
        });
    }

    // ---- push notifications

    /** Channels the account's clients opened, stopped and expired ones included ({@code active} tells). */
    public List<Channel> channels(String email) {
        return state.locked(() -> state.channels.values().stream()
                .filter(channel -> channel.accountEmail.equals(GoogleState.normalize(email)))
                .map(channel -> channel.toPublic(clock.now())).toList());
    }

    /** Every notification attempt so far, in order. */
    public List<PushDelivery> pushes() {
        return state.locked(() -> List.copyOf(state.pushes));
    }

    /** Allows {@code http://} channel addresses (Google requires https). */
    public void allowInsecurePushAddresses(boolean allow) {
        settings.insecurePushAddresses = allow;
    }

    /** Channels live at most this long; later requested expirations are shortened (default 7 days). */
    public void maxChannelLifetime(Duration lifetime) {
        settings.maxChannelLifetime = Objects.requireNonNull(lifetime);
    }

    /**
     * Retries after 500/502/503/504 or no answer: {@code initial}, then doubling up to {@code max};
     * a message is dropped after {@code maxAttempts} attempts (default 1 s, 1 min, 8).
     */
    public void pushRetry(Duration initial, Duration max, int maxAttempts) {
        if (initial.isNegative() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 <= initial <= max and maxAttempts >= 1");
        }
        settings.pushInitialBackoff = initial;
        settings.pushMaxBackoff = max;
        settings.pushMaxAttempts = maxAttempts;
    }

    /** How long a receiver may take to answer before the attempt counts as failed (default 10 s). */
    public void pushResponseTimeout(Duration timeout) {
        settings.pushResponseTimeout = Objects.requireNonNull(timeout);
    }

    // ---- faults, recordings, time

    /**
     * The next {@code times} calls matching {@code key} fail with {@code fault}. Keys: {@code "*"}
     * (any Calendar call), an API method ({@code events.list}, {@code calendar.freebusy.query},
     * {@code oauth.token}, {@code oauth.revoke}, {@code oauth.authorize}), a path prefix
     * ({@code /calendar/v3/freeBusy}) or a method plus path prefix ({@code POST /token}).
     */
    public void armFault(String key, Fault fault, int times) {
        faults.arm(key, Objects.requireNonNull(fault, "fault"), times);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Every OAuth and Calendar request so far, in arrival order. */
    public List<Request> requests() {
        return state.locked(() -> List.copyOf(state.requests));
    }

    /** The emulator's clock: token, code and channel expiry follow it. */
    public Instant now() {
        return clock.now();
    }

    public void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    private StoredEvent requireEvent(String email, String calendarId, String eventId) {
        StoredEvent event = state.requireCalendar(email, calendarId).events.get(eventId);
        if (event == null) {
            throw new IllegalArgumentException("no event " + eventId + " in " + calendarId);
        }
        return event;
    }

    /** Runs a user action under the lock; validation failures become IllegalArgumentException. */
    private <T> T asUser(Supplier<T> action) {
        return state.locked(() -> {
            try {
                return action.get();
            } catch (ApiError e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
    }

    private static ObjectNode object(String json) {
        try {
            JsonNode node = Json.parse(json);
            if (!node.isObject()) {
                throw new IllegalArgumentException("not a JSON object: " + json);
            }
            return (ObjectNode) node;
        } catch (MalformedRequestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
