package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Java control surface over HTTP for out-of-process tests and demos, under
 * {@code /_sandbox/telegram}. JSON in and out, snake_case; a thin mapping onto
 * {@link TelegramEmulator}. Routes are listed in the module README.
 */
final class ControlSurface implements SandboxHandler {

    static final String PREFIX = "/_sandbox/telegram";
    private static final JsonMapper OUTPUT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final TelegramEmulator emulator;

    ControlSurface(TelegramEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String[] path = request.path().substring(PREFIX.length()).replaceAll("^/+|/+$", "").split("/");
        JsonNode body = request.body().length == 0 ? Json.object() : Json.parse(request.body());
        try {
            Object result = route(request.method(), path, body, request);
            return result == null ? SandboxResponse.json(404, error("no such control route"))
                    : SandboxResponse.json(200, OUTPUT.valueToTree(result));
        } catch (IllegalArgumentException | NullPointerException e) {
            return SandboxResponse.json(400, error(String.valueOf(e.getMessage())));
        }
    }

    private Object route(String method, String[] path, JsonNode body, SandboxRequest request) {
        String first = path[0];
        if (path.length == 1) {
            return switch (method + " " + first) {
                case "POST reset" -> done(emulator::reset);
                case "POST bots" -> body.hasNonNull("token")
                        ? emulator.createBot(text(body, "username"), text(body, "token"))
                        : emulator.createBot(text(body, "username"));
                case "POST users" -> user(body);
                case "POST groups" -> Map.of("id", body.path("supergroup").asBoolean(false)
                        ? emulator.supergroup(text(body, "title")) : emulator.group(text(body, "title")));
                case "DELETE faults" -> done(emulator::clearFaults);
                case "POST delivery" -> delivery(body);
                case "POST clock" -> done(() -> emulator.advanceClock(Duration.ofSeconds(body.path("advance_seconds")
                        .asLong(0))));
                default -> null;
            };
        }
        return path.length == 3 && first.equals("bots") ? botRoute(method, path[1], path[2], body, request) : null;
    }

    private Object botRoute(String method, String token, String action, JsonNode body, SandboxRequest request) {
        return switch (method + " " + action) {
            case "POST text" -> updateId(emulator.injectText(token, chatId(body), user(body.path("from")),
                    text(body, "text")));
            case "POST callback" -> callback(token, body);
            case "POST updates" -> updateId(emulator.injectRawUpdate(token, Json.write(body)));
            case "GET sent" -> request.query().text("chat_id")
                    .map(chat -> emulator.sentMessages(token, Long.parseLong(chat)))
                    .orElseGet(() -> emulator.sentMessages(token));
            case "GET calls" -> emulator.calls(token);
            case "GET callbacks" -> emulator.answeredCallbacks(token);
            case "GET deliveries" -> emulator.deliveries(token);
            case "GET webhook" -> emulator.webhookInfo(token);
            case "POST faults" -> armFault(token, body);
            case "POST revoke" -> done(() -> emulator.revokeToken(token));
            case "POST restore" -> done(() -> emulator.restoreToken(token));
            default -> null;
        };
    }

    private Object callback(String token, JsonNode body) {
        TgUser from = user(body.path("from"));
        long updateId = emulator.injectCallback(token, body.path("chat_id").asLong(from.id()), from,
                body.path("message_id").asLong(), text(body, "data"));
        ObjectNode result = updateId(updateId);
        result.put("callback_query_id", emulator.callbackQueryId(token, updateId));
        return result;
    }

    /** {@code {"fault": "too_many_requests", "retry_after": 5, "method": "sendMessage", "times": 2}}. */
    private Object armFault(String token, JsonNode body) {
        Fault fault = switch (text(body, "fault")) {
            case "unauthorized" -> Fault.unauthorized();
            case "blocked" -> Fault.blocked();
            case "too_many_requests" -> Fault.tooManyRequests(body.path("retry_after").asInt(1));
            case "server_error" -> Fault.serverError(body.path("status").asInt(500));
            case "bad_request" -> Fault.badRequest(text(body, "description"));
            case "hang" -> Fault.hang(Duration.ofMillis(body.path("millis").asLong(0)));
            case "drop_connection" -> Fault.dropConnection();
            default -> throw new IllegalArgumentException("unknown fault " + text(body, "fault"));
        };
        int times = body.path("times").asInt(1);
        if (body.hasNonNull("chat_id")) {
            emulator.armChatFault(token, body.get("chat_id").asLong(), fault, times);
        } else {
            emulator.armFault(token, body.path("method").asString("*"), fault, times);
        }
        return Json.object().put("ok", true);
    }

    private Object delivery(JsonNode body) {
        if (body.has("paused")) {
            emulator.pauseDelivery(body.get("paused").asBoolean());
        }
        if (body.has("allow_insecure")) {
            emulator.allowInsecureWebhooks(body.get("allow_insecure").asBoolean());
        }
        return Json.object().put("ok", true);
    }

    private TgUser user(JsonNode json) {
        return emulator.user(json.path("id").asLong(), json.path("first_name").asString("User"),
                json.path("username").asString(null), json.path("language_code").asString(null));
    }

    private static long chatId(JsonNode body) {
        return body.hasNonNull("chat_id") ? body.get("chat_id").asLong() : body.path("from").path("id").asLong();
    }

    private static String text(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return body.get(field).asString();
    }

    private static ObjectNode updateId(long updateId) {
        return Json.object().put("update_id", updateId);
    }

    private static Object done(Runnable action) {
        action.run();
        return Json.object().put("ok", true);
    }

    private static ObjectNode error(String message) {
        return Json.object().put("error", message);
    }
}
