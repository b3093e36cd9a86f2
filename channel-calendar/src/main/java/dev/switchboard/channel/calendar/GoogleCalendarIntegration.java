package dev.switchboard.channel.calendar;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventDateTime;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.google.api.services.calendar.model.TimePeriod;
import dev.switchboard.channel.calendar.client.GoogleCalendarClient;
import dev.switchboard.channel.calendar.oauth.AccessTokens;
import dev.switchboard.channel.calendar.oauth.GoogleOAuth;
import dev.switchboard.channel.calendar.sync.CalendarSync;
import dev.switchboard.core.calendar.CalendarProvider;
import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.ChannelProvider;
import dev.switchboard.core.channel.ConnectResult;
import dev.switchboard.core.channel.ConnectTarget;
import dev.switchboard.core.channel.HealthReport;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.channel.ReconcileReport;
import dev.switchboard.core.channel.RemoteChange;
import dev.switchboard.core.channel.SendReceipt;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRequest;
import dev.switchboard.core.oauth.OAuthConnector;
import dev.switchboard.core.support.RandomTokens;
import dev.switchboard.core.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's own Google Calendar: connected with OAuth 2.0 (the refresh token sealed as its
 * credential), watched through push channels that reconcile renews before they expire, kept in
 * step by incremental sync, and offered to workflows as a {@link CalendarProvider}.
 */
public class GoogleCalendarIntegration implements ChannelProvider, CalendarProvider, OAuthConnector {

    public static final String TYPE = "google_calendar";
    static final String REFRESH_TOKEN = "refreshToken";
    static final String CHANNEL_TOKEN = "channelToken";
    static final String CALENDAR_ID = "calendarId";
    static final String CHANNEL_ID = "channelId";
    static final String RESOURCE_ID = "resourceId";
    static final String CHANNEL_EXPIRES = "channelExpiresAt";

    private static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(false, false, false, false, 0, 5, 5, 60);

    private final GoogleCalendarProperties properties;
    private final GoogleOAuth oauth;
    private final AccessTokens tokens;
    private final GoogleCalendarClient client;
    private final CalendarSync sync;
    private final Clock clock;

    public GoogleCalendarIntegration(GoogleCalendarProperties properties, GoogleOAuth oauth, AccessTokens tokens,
                                     GoogleCalendarClient client, CalendarSync sync, Clock clock) {
        this.properties = properties;
        this.oauth = oauth;
        this.tokens = tokens;
        this.client = client;
        this.sync = sync;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String webhookSegment() {
        return "google-calendar";
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    // ---- OAuth

    @Override
    public String provider() {
        return "google";
    }

    @Override
    public String integrationType() {
        return TYPE;
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public String unavailableReason() {
        return "Google Calendar is not configured on this server: set SWITCHBOARD_GOOGLE_CLIENT_ID and "
                + "SWITCHBOARD_GOOGLE_CLIENT_SECRET (an OAuth client of type 'web application')";
    }

    @Override
    public URI authorizationUrl(String state, URI redirectUri) {
        return oauth.authorizationUrl(state, redirectUri);
    }

    @Override
    public ChannelCredentials exchange(String code, URI redirectUri) throws ChannelException {
        var response = oauth.exchange(code, redirectUri);
        if (response.getRefreshToken() == null) {
            throw new GoogleException(ChannelException.Kind.PERMANENT, 400, "no_refresh_token",
                    "Google issued no refresh token: remove Switchboard's access in the Google account, then connect again");
        }
        return ChannelCredentials.of(Map.of(REFRESH_TOKEN, response.getRefreshToken()), Set.of(REFRESH_TOKEN));
    }

    // ---- the integration's lifecycle

    @Override
    public ChannelCredentials validateCredentials(Map<String, Object> raw) {
        Object token = raw == null ? null : raw.get(REFRESH_TOKEN);
        if (!(token instanceof String text) || text.isBlank()) {
            throw InvalidInputException.of("credentials." + REFRESH_TOKEN,
                    "a calendar is connected with POST /api/v1/integrations/google-calendar/authorize");
        }
        return ChannelCredentials.of(Map.of(REFRESH_TOKEN, text), Set.of(REFRESH_TOKEN));
    }

    @Override
    public Map<String, Object> validateSettings(Map<String, Object> raw, ConnectTarget target) {
        Object calendarId = raw == null ? null : raw.get(CALENDAR_ID);
        if (calendarId != null && !(calendarId instanceof String)) {
            throw InvalidInputException.of("settings." + CALENDAR_ID, "must be a calendar id such as primary");
        }
        return Map.of(CALENDAR_ID, calendarId == null ? "primary" : calendarId);
    }

    @Override
    public String normalizeRecipient(String to) {
        throw InvalidInputException.of("integrationId", "a calendar does not send messages");
    }

    @Override
    public ConnectResult connect(IntegrationHandle integration) throws ChannelException {
        String calendarId = calendarId(integration);
        var calendar = client.call(integration.integrationId(), refreshToken(integration), "calendars.get",
                c -> c.calendars().get(calendarId).execute());
        ChannelCredentials credentials = integration.credentials().value(CHANNEL_TOKEN).isPresent()
                ? integration.credentials()
                : integration.credentials().with(CHANNEL_TOKEN, RandomTokens.base64Url(192), true);
        Map<String, Object> settings = new LinkedHashMap<>(integration.settings());
        settings.put(CALENDAR_ID, calendarId);
        settings.put("calendarSummary", calendar.getSummary());
        settings.put("timeZone", calendar.getTimeZone());
        settings.putAll(watch(integration.withCredentials(credentials)));
        return new ConnectResult(credentials, settings, "push channel open until " + settings.get(CHANNEL_EXPIRES));
    }

    @Override
    public ReconcileReport reconcile(IntegrationHandle integration) throws ChannelException {
        Object expires = integration.settings().get(CHANNEL_EXPIRES);
        Instant expiresAt = expires == null ? Instant.EPOCH : Instant.parse(expires.toString());
        Map<String, Object> details = Map.of(CHANNEL_EXPIRES, expiresAt.toString());
        if (expiresAt.isAfter(clock.instant().plus(properties.renewBefore()))) {
            return new ReconcileReport(false, "push channel open until " + expiresAt, details);
        }
        Map<String, Object> renewed = watch(integration);
        stopQuietly(integration);
        return new ReconcileReport(true, "push channel renewed until " + renewed.get(CHANNEL_EXPIRES), renewed, renewed);
    }

    @Override
    public void disconnect(IntegrationHandle integration) throws ChannelException {
        stopQuietly(integration);
        tokens.forget(integration.integrationId());
        oauth.revoke(refreshToken(integration));
    }

    @Override
    public HealthReport check(IntegrationHandle integration) throws ChannelException {
        String calendarId = calendarId(integration);
        var calendar = client.call(integration.integrationId(), refreshToken(integration), "calendars.get",
                c -> c.calendars().get(calendarId).execute());
        return new HealthReport(true, "calendar \"" + calendar.getSummary() + "\" answers",
                Map.of("calendar", calendar.getSummary(), "operational", true));
    }

    // ---- push notifications

    @Override
    public void authenticate(IntegrationHandle integration, WebhookRequest request) {
        String presented = request.header("X-Goog-Channel-Token").orElse(null);
        boolean valid = integration.credentials().value(CHANNEL_TOKEN).isPresent()
                && integration.credentials().secret(CHANNEL_TOKEN).matches(presented);
        if (!valid) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.UNAUTHORIZED, "wrong X-Goog-Channel-Token");
        }
    }

    /** {@code sync} only confirms a new channel; {@code exists}/{@code not_exists} mean "something changed". */
    @Override
    public List<InboundEvent> parse(IntegrationHandle integration, WebhookRequest request) {
        String state = request.header("X-Goog-Resource-State").orElseThrow(() ->
                new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED, "no X-Goog-Resource-State"));
        if ("sync".equals(state)) {
            return List.of();
        }
        return List.of(new RemoteChange(request.header("X-Goog-Channel-ID").orElse("") + ":"
                + request.header("X-Goog-Message-Number").orElse("")));
    }

    @Override
    public void synchronize(IntegrationHandle integration) throws ChannelException {
        sync.synchronize(integration.integrationId(), refreshToken(integration), calendarId(integration));
    }

    @Override
    public SendReceipt send(IntegrationHandle integration, OutboundMessage message) throws ChannelException {
        throw new ChannelException(ChannelException.Kind.PERMANENT, 0, null, "a calendar does not send messages", null);
    }

    // ---- CalendarProvider

    @Override
    public List<CalendarEvent> events(IntegrationHandle calendar, Instant from, Instant to) throws ChannelException {
        String calendarId = calendarId(calendar);
        var events = client.call(calendar.integrationId(), refreshToken(calendar), "events.list", c -> c.events()
                .list(calendarId).setTimeMin(new DateTime(from.toEpochMilli())).setTimeMax(new DateTime(to.toEpochMilli()))
                .setSingleEvents(true).setOrderBy("startTime").setMaxResults(2500).execute());
        return events.getItems() == null ? List.of() : events.getItems().stream().map(GoogleCalendarIntegration::event).toList();
    }

    @Override
    public List<BusyPeriod> freeBusy(IntegrationHandle calendar, Instant from, Instant to) throws ChannelException {
        String calendarId = calendarId(calendar);
        FreeBusyResponse response = client.call(calendar.integrationId(), refreshToken(calendar), "freebusy.query",
                c -> c.freebusy().query(new FreeBusyRequest().setTimeMin(new DateTime(from.toEpochMilli()))
                        .setTimeMax(new DateTime(to.toEpochMilli()))
                        .setItems(List.of(new FreeBusyRequestItem().setId(calendarId)))).execute());
        var busy = response.getCalendars() == null || response.getCalendars().get(calendarId) == null ? null
                : response.getCalendars().get(calendarId);
        if (busy != null && busy.getErrors() != null && !busy.getErrors().isEmpty()) {
            throw GoogleException.of(404, busy.getErrors().get(0).getReason(), "free/busy of " + calendarId);
        }
        List<TimePeriod> periods = busy == null || busy.getBusy() == null ? List.of() : busy.getBusy();
        return periods.stream().map(p -> new BusyPeriod(Instant.ofEpochMilli(p.getStart().getValue()),
                Instant.ofEpochMilli(p.getEnd().getValue()))).toList();
    }

    /** Insert with the key's deterministic id; Google's 409 means it exists, so it is updated instead. */
    @Override
    public CalendarEvent upsert(IntegrationHandle calendar, String key, EventDraft draft) throws ChannelException {
        String calendarId = calendarId(calendar);
        String id = EventIds.of(calendar.integrationId(), key);
        Event body = new Event().setId(id).setSummary(draft.summary()).setDescription(draft.description())
                .setStart(time(draft.start(), draft.timeZone())).setEnd(time(draft.end(), draft.timeZone()))
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(new java.util.HashMap<>(Map.of("switchboardKey", key))));
        try {
            return event(client.call(calendar.integrationId(), refreshToken(calendar), "events.insert",
                    c -> c.events().insert(calendarId, body).execute()));
        } catch (ChannelException e) {
            if (e.status() != 409) {
                throw e;
            }
            body.setStatus("confirmed").setId(null);
            return event(client.call(calendar.integrationId(), refreshToken(calendar), "events.patch",
                    c -> c.events().patch(calendarId, id, body).execute()));
        }
    }

    @Override
    public void cancel(IntegrationHandle calendar, String key) throws ChannelException {
        String calendarId = calendarId(calendar);
        String id = EventIds.of(calendar.integrationId(), key);
        try {
            client.call(calendar.integrationId(), refreshToken(calendar), "events.delete",
                    c -> c.events().delete(calendarId, id).execute());
        } catch (ChannelException e) {
            if (e.status() != 404 && e.status() != 410) {
                throw e;
            }
        }
    }

    // ----

    private Map<String, Object> watch(IntegrationHandle integration) throws ChannelException {
        String calendarId = calendarId(integration);
        Channel request = new Channel().setId(UUID.randomUUID().toString()).setType("web_hook")
                .setAddress(integration.target().webhookUrl().toString())
                .setToken(integration.credentials().secret(CHANNEL_TOKEN).reveal())
                .setExpiration(clock.instant().plus(properties.channelLifetime()).toEpochMilli());
        Channel channel = client.call(integration.integrationId(), refreshToken(integration), "events.watch",
                c -> c.events().watch(calendarId, request).execute());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(CHANNEL_ID, channel.getId());
        settings.put(RESOURCE_ID, channel.getResourceId());
        settings.put(CHANNEL_EXPIRES, Instant.ofEpochMilli(channel.getExpiration()).toString());
        return settings;
    }

    private void stopQuietly(IntegrationHandle integration) {
        Object channelId = integration.settings().get(CHANNEL_ID);
        Object resourceId = integration.settings().get(RESOURCE_ID);
        if (channelId == null || resourceId == null) {
            return;
        }
        try {
            client.call(integration.integrationId(), refreshToken(integration), "channels.stop", c -> c.channels()
                    .stop(new Channel().setId(channelId.toString()).setResourceId(resourceId.toString())).execute());
        } catch (ChannelException e) {
            // an expired or unknown channel is already stopped
        }
    }

    private static String calendarId(IntegrationHandle integration) {
        return integration.setting(CALENDAR_ID, "primary");
    }

    private static Secret refreshToken(IntegrationHandle integration) {
        return integration.credentials().secret(REFRESH_TOKEN);
    }

    private static EventDateTime time(Instant instant, String timeZone) {
        return new EventDateTime().setDateTime(new DateTime(instant.toEpochMilli())).setTimeZone(timeZone);
    }

    private static CalendarEvent event(Event event) {
        return new CalendarEvent(event.getId(), event.getStatus(), event.getSummary(), event.getDescription(),
                CalendarSyncTimes.instant(event.getStart()), CalendarSyncTimes.instant(event.getEnd()), event.getHtmlLink());
    }
}
