package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.MalformedRequestException;
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
 * The Java control surface over HTTP, under {@code /_sandbox/greenapi}: JSON in and out,
 * snake_case, a thin mapping onto {@link GreenApiEmulator}. Routes are listed in docs/greenapi.md.
 */
final class ControlSurface implements SandboxHandler {

    static final String PREFIX = "/_sandbox/greenapi";
    private static final JsonMapper OUTPUT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final GreenApiEmulator emulator;

    ControlSurface(GreenApiEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        try {
            String[] path = request.path().substring(PREFIX.length()).replaceAll("^/+|/+$", "").split("/");
            JsonNode body = request.body().length == 0 ? Json.object() : Json.parse(request.body());
            Object result = route(request.method(), path, body);
            return result == null ? SandboxResponse.json(404, error("no such control route"))
                    : SandboxResponse.json(200, OUTPUT.valueToTree(result));
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException
                | MalformedRequestException e) {
            return SandboxResponse.json(400, error(String.valueOf(e.getMessage())));
        }
    }

    private Object route(String method, String[] path, JsonNode body) {
        if (path.length == 1) {
            return switch (method + " " + path[0]) {
                case "POST reset" -> done(emulator::reset);
                case "POST instances" -> body.hasNonNull("id_instance")
                        ? emulator.createInstance(body.get("id_instance").asLong(), text(body, "api_token_instance"),
                                text(body, "phone"))
                        : emulator.createInstance();
                case "POST users" -> done(() -> emulator.registerWhatsAppUser(text(body, "phone")));
                case "POST clock" -> done(() -> emulator.advanceClock(Duration.ofMillis(body.path("advance_millis")
                        .asLong(body.path("advance_seconds").asLong(0) * 1000))));
                case "DELETE faults" -> done(emulator::clearFaults);
                default -> null;
            };
        }
        if (path.length == 3 && path[0].equals("messages") && path[2].equals("fail") && method.equals("POST")) {
            return done(() -> emulator.failMessage(path[1], body.path("status").asString("failed"),
                    body.path("description").asString(null)));
        }
        if (path.length == 3 && path[0].equals("instances")) {
            return instanceRoute(method, Long.parseLong(path[1]), path[2], body);
        }
        return null;
    }

    private Object instanceRoute(String method, long id, String action, JsonNode body) {
        return switch (method + " " + action) {
            case "POST state" -> done(() -> emulator.setState(id, text(body, "state")));
            case "GET state" -> Map.of("state_instance", emulator.state(id));
            case "GET settings" -> emulator.settings(id);
            case "POST settings" -> done(() -> emulator.configure(id, Json.MAPPER.convertValue(body, Map.class)));
            case "POST text" -> idMessage(emulator.injectText(id, text(body, "from"),
                    body.path("sender_name").asString(""), text(body, "text")));
            case "POST button-reply" -> idMessage(emulator.injectButtonReply(id, text(body, "from"),
                    body.path("sender_name").asString(""), text(body, "button_id"), text(body, "button_text"),
                    body.path("stanza_id").asString("")));
            case "POST call" -> idMessage(emulator.injectIncomingCall(id, text(body, "from")));
            case "GET sent" -> emulator.sent(id);
            case "GET deliveries" -> emulator.deliveries(id);
            case "GET calls" -> emulator.calls(id);
            case "POST redeliver" -> done(() -> emulator.redeliverLast(id));
            case "POST faults" -> done(() -> emulator.armFault(id, body.path("method").asString("*"), fault(body),
                    body.path("times").asInt(1)));
            default -> null;
        };
    }

    /** {@code {"status": 429}} or {@code {"hang_millis": 5000}} or {@code {"drop": true}}. */
    private static Fault fault(JsonNode body) {
        if (body.hasNonNull("hang_millis")) {
            return Fault.hang(Duration.ofMillis(body.get("hang_millis").asLong()));
        }
        if (body.path("drop").asBoolean(false)) {
            return Fault.dropConnection();
        }
        return Fault.status(body.path("status").asInt(500));
    }

    private static String text(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return body.get(field).asString();
    }

    private static ObjectNode idMessage(String idMessage) {
        return Json.object().put("id_message", idMessage);
    }

    private static Object done(Runnable action) {
        action.run();
        return Json.object().put("ok", true);
    }

    private static ObjectNode error(String message) {
        return Json.object().put("error", message);
    }
}
