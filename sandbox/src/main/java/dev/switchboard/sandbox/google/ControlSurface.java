package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Java control surface over HTTP for out-of-process tests and demos, under
 * {@code /_sandbox/google}: JSON in and out, snake_case; a thin mapping onto
 * {@link GoogleEmulator}. Routes are listed in {@code sandbox/docs/google.md}.
 */
final class ControlSurface implements SandboxHandler {

    static final String PREFIX = "/_sandbox/google";
    private static final JsonMapper OUTPUT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final GoogleEmulator emulator;

    ControlSurface(GoogleEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        List<String> path = new ArrayList<>();
        for (String segment : request.uri().getRawPath().substring(PREFIX.length()).split("/")) {
            if (!segment.isEmpty()) {
                path.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        try {
            JsonNode body = request.body().length == 0 ? Json.object() : Json.parse(request.body());
            Object result = route(request.method(), path, body);
            return result == null ? SandboxResponse.json(404, error("no such control route"))
                    : SandboxResponse.json(200, OUTPUT.valueToTree(result));
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException
                 | MalformedRequestException e) {
            return SandboxResponse.json(400, error(String.valueOf(e.getMessage())));
        }
    }

    private Object route(String method, List<String> path, JsonNode body) {
        if (path.size() >= 2 && path.get(0).equals("accounts")) {
            return accountRoute(method, path, body);
        }
        return switch (method + " " + String.join("/", path)) {
            case "POST reset" -> done(emulator::reset);
            case "POST clients" -> done(() -> emulator.registerClient(text(body, "client_id"),
                    text(body, "client_secret"), strings(body.path("redirect_uris"))));
            case "POST accounts" -> done(() -> emulator.account(text(body, "email"),
                    ZoneId.of(body.path("time_zone").asString("UTC"))));
            case "POST authorization/deny" -> done(emulator::denyNextAuthorization);
            case "POST authorization/grant-only" -> done(() -> emulator.grantOnlyScopes(
                    strings(body.path("scopes"))));
            case "POST settings" -> settings(body);
            case "POST faults" -> armFault(body);
            case "DELETE faults" -> done(emulator::clearFaults);
            case "POST token-outage" -> done(() -> emulator.tokenEndpointOutage(body.path("times").asInt(1)));
            case "GET pushes" -> emulator.pushes();
            case "GET requests" -> requests();
            case "POST clock" -> done(() -> emulator.advanceClock(Duration.ofSeconds(
                    body.path("advance_seconds").asLong(0))));
            default -> null;
        };
    }

    /** {@code /accounts/{email}/...}. */
    private Object accountRoute(String method, List<String> path, JsonNode body) {
        String email = path.get(1);
        List<String> rest = path.subList(2, path.size());
        if (rest.size() >= 3 && rest.get(0).equals("calendars") && rest.get(2).equals("events")) {
            return eventRoute(method, email, rest.get(1), rest.subList(3, rest.size()), body);
        }
        return switch (method + " " + String.join("/", rest)) {
            case "POST revoke" -> Map.of("revoked_refresh_tokens", emulator.revokeRefreshTokens(email));
            case "POST invalidate-sync-tokens" -> done(() -> emulator.invalidateSyncTokens(email));
            case "POST calendars" -> Map.of("id", emulator.addCalendar(email, text(body, "summary")));
            case "GET channels" -> emulator.channels(email).stream().map(ControlSurface::channel).toList();
            default -> null;
        };
    }

    private Object eventRoute(String method, String email, String calendarId, List<String> rest, JsonNode body) {
        if (rest.isEmpty()) {
            return switch (method) {
                case "GET" -> emulator.events(email, calendarId);
                case "POST" -> body.has("start") && body.get("start").isObject()
                        ? emulator.createEventAsUser(email, calendarId, Json.write(body))
                        : emulator.createEventAsUser(email, calendarId, text(body, "summary"),
                                Instant.parse(text(body, "start")), Instant.parse(text(body, "end")));
                default -> null;
            };
        }
        String eventId = rest.get(0);
        return switch (method) {
            case "PATCH", "POST" -> emulator.updateEventAsUser(email, calendarId, eventId, Json.write(body));
            case "DELETE" -> done(() -> emulator.deleteEventAsUser(email, calendarId, eventId));
            default -> null;
        };
    }

    /** {@code {"key": "events.list", "fault": "rate_limit_exceeded", "times": 2, "millis"?, "status"?, ...}}. */
    private Object armFault(JsonNode body) {
        Fault fault = switch (text(body, "fault")) {
            case "rate_limit_exceeded" -> Fault.rateLimitExceeded();
            case "user_rate_limit_exceeded" -> Fault.userRateLimitExceeded();
            case "quota_exceeded" -> Fault.quotaExceeded();
            case "too_many_requests" -> Fault.tooManyRequests();
            case "backend_error" -> Fault.backendError();
            case "service_unavailable" -> Fault.serviceUnavailable();
            case "unauthorized" -> Fault.unauthorized();
            case "gone" -> Fault.gone();
            case "delay" -> Fault.delay(Duration.ofMillis(body.path("millis").asLong(0)));
            case "drop_connection" -> Fault.dropConnection();
            case "error" -> Fault.error(body.path("status").asInt(), text(body, "domain"), text(body, "reason"),
                    text(body, "message"));
            default -> throw new IllegalArgumentException("unknown fault " + text(body, "fault"));
        };
        emulator.armFault(body.path("key").asString("*"), fault, body.path("times").asInt(1));
        return Json.object().put("ok", true);
    }

    private Object settings(JsonNode body) {
        if (body.has("access_token_lifetime_seconds")) {
            emulator.accessTokenLifetime(Duration.ofSeconds(body.get("access_token_lifetime_seconds").asLong()));
        }
        if (body.has("allow_insecure_push")) {
            emulator.allowInsecurePushAddresses(body.get("allow_insecure_push").asBoolean());
        }
        if (body.has("max_channel_lifetime_seconds")) {
            emulator.maxChannelLifetime(Duration.ofSeconds(body.get("max_channel_lifetime_seconds").asLong()));
        }
        if (body.has("enforce_scopes")) {
            emulator.enforceScopes(body.get("enforce_scopes").asBoolean());
        }
        return Json.object().put("ok", true);
    }

    /** Recorded requests without the bearer tokens themselves. */
    private ArrayNode requests() {
        ArrayNode array = Json.array();
        for (Request request : emulator.requests()) {
            ObjectNode node = OUTPUT.valueToTree(request);
            node.put("access_token", Ids.mask(request.accessToken()));
            array.add(node);
        }
        return array;
    }

    private static ObjectNode channel(Channel channel) {
        ObjectNode node = OUTPUT.valueToTree(channel);
        node.put("token", Ids.mask(channel.token()));
        return node;
    }

    private static String[] strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values.toArray(String[]::new);
    }

    private static String text(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return body.get(field).asString();
    }

    private static Object done(Runnable action) {
        action.run();
        return Json.object().put("ok", true);
    }

    private static ObjectNode error(String message) {
        return Json.object().put("error", message);
    }
}
