package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** events.watch and channels.stop. Run under the state lock. */
final class WatchMethods {

    private static final Pattern CHANNEL_ID = Pattern.compile("[A-Za-z0-9\\-_+/=]{1,64}");
    private static final Set<String> STANDARD_PARAMETERS = Set.of("alt", "fields", "key", "prettyPrint",
            "quotaUser", "userIp", "access_token", "oauth_token");

    private final PushDeliverer deliverer;
    private final GoogleSettings settings;
    private final String calendarBaseUrl;

    WatchMethods(PushDeliverer deliverer, GoogleSettings settings, String calendarBaseUrl) {
        this.deliverer = deliverer;
        this.settings = settings;
        this.calendarBaseUrl = calendarBaseUrl;
    }

    SandboxResponse watch(CallContext call) {
        StoredCalendar calendar = call.calendar();
        ObjectNode body = call.body();
        String id = EventTime.text(body, "id");
        if (id == null) {
            throw ApiError.required("Required");
        }
        if (!CHANNEL_ID.matcher(id).matches()) {
            throw ApiError.invalid("Invalid channel id: " + id, null);
        }
        String type = EventTime.text(body, "type");
        if (type == null || !type.equalsIgnoreCase("web_hook") && !type.equalsIgnoreCase("webhook")) {
            throw ApiError.badRequest("Unsupported type: " + type);
        }
        String address = address(EventTime.text(body, "address"));
        GoogleState state = call.state();
        if (state.channels.containsKey(id)) {
            throw new ApiError(400, "global", "push.channelIdNotUnique", "Channel id " + id + " not unique");
        }
        Instant expiration = expiration(body.get("expiration"), state.clock.now());
        ChannelState channel = new ChannelState(id, calendar.resourceId, resourceUri(call), calendar.ownerEmail,
                calendar.id, address, EventTime.text(body, "token"), expiration);
        state.channels.put(id, channel);
        deliverer.opened(channel);
        ObjectNode answer = Json.object().put("kind", "api#channel").put("id", id)
                .put("resourceId", channel.resourceId).put("resourceUri", channel.resourceUri);
        if (channel.token != null) {
            answer.put("token", channel.token);
        }
        return EventMethods.ok(answer.put("expiration", Long.toString(expiration.toEpochMilli())));
    }

    static SandboxResponse stop(CallContext call) {
        ObjectNode body = call.body();
        String id = EventTime.text(body, "id");
        String resourceId = EventTime.text(body, "resourceId");
        if (id == null || resourceId == null) {
            throw ApiError.required("Required");
        }
        ChannelState channel = call.state().channels.get(id);
        if (channel == null || channel.stopped || !channel.resourceId.equals(resourceId)
                || !channel.accountEmail.equals(call.account().email)) {
            throw new ApiError(404, "global", "notFound", "Channel '" + id + "' not found for project");
        }
        channel.stopped = true;
        channel.queue.clear();
        return SandboxResponse.bytes(204, null, new byte[0]);
    }

    private String address(String address) {
        if (address == null) {
            throw ApiError.required("Required");
        }
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Invalid address: " + address);
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (uri.getHost() == null || !https && !(http && settings.insecurePushAddresses)) {
            throw new ApiError(400, "global", "push.webhookUrlNotHttps", "WebHook callback must be HTTPS: " + address);
        }
        return address;
    }

    /** Channels never outlive the maximum lifetime; longer (or absent) expirations are shortened to it. */
    private Instant expiration(JsonNode requested, Instant now) {
        Instant latest = now.plus(settings.maxChannelLifetime);
        if (requested == null || requested.isNull()) {
            return latest;
        }
        long millis;
        try {
            millis = requested.isNumber() ? requested.asLong() : Long.parseLong(requested.asString().trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Invalid value for expiration", null);
        }
        Instant wanted = Instant.ofEpochMilli(millis);
        if (!wanted.isAfter(now)) {
            throw ApiError.badRequest("Channel expiration must be in the future.");
        }
        return wanted.isAfter(latest) ? latest : wanted;
    }

    /** Google's resourceUri: the watched collection with the watch call's own query parameters. */
    private String resourceUri(CallContext call) {
        StringBuilder uri = new StringBuilder(calendarBaseUrl).append("calendars/")
                .append(URLEncoder.encode(call.param(0), StandardCharsets.UTF_8)).append("/events?alt=json");
        for (Map.Entry<String, List<String>> parameter : call.query().asMap().entrySet()) {
            if (!STANDARD_PARAMETERS.contains(parameter.getKey())) {
                for (String value : parameter.getValue()) {
                    uri.append('&').append(parameter.getKey()).append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        }
        return uri.toString();
    }
}
