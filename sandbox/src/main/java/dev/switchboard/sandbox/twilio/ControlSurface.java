package dev.switchboard.sandbox.twilio;

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
 * The Java control surface over HTTP, under {@code /_sandbox/twilio}: JSON in and out, snake_case,
 * a thin mapping onto {@link TwilioEmulator}. Routes are listed in docs/twilio.md.
 */
final class ControlSurface implements SandboxHandler {

    static final String PREFIX = "/_sandbox/twilio";
    private static final JsonMapper OUTPUT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final TwilioEmulator emulator;

    ControlSurface(TwilioEmulator emulator) {
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
        } catch (IllegalArgumentException | NullPointerException | MalformedRequestException e) {
            return SandboxResponse.json(400, error(String.valueOf(e.getMessage())));
        }
    }

    private Object route(String method, String[] path, JsonNode body) {
        if (path.length == 1) {
            return switch (method + " " + path[0]) {
                case "POST reset" -> done(emulator::reset);
                case "POST accounts" -> emulator.createAccount();
                case "POST clock" -> done(() -> emulator.advanceClock(Duration.ofMillis(body.path("advance_millis")
                        .asLong(body.path("advance_seconds").asLong(0) * 1000))));
                case "DELETE faults" -> done(emulator::clearFaults);
                default -> null;
            };
        }
        if (path.length == 3 && path[0].equals("messages") && path[2].equals("fail") && method.equals("POST")) {
            return done(() -> emulator.failMessage(path[1], body.path("error_code").asInt(63016)));
        }
        if (path.length == 3 && path[0].equals("accounts")) {
            return accountRoute(method, path[1], path[2], body);
        }
        return null;
    }

    private Object accountRoute(String method, String sid, String action, JsonNode body) {
        return switch (method + " " + action) {
            case "POST senders" -> done(() -> emulator.registerSender(sid, text(body, "address")));
            case "POST webhooks" -> done(() -> emulator.setIncomingWebhook(sid, text(body, "sender"),
                    text(body, "url"), body.path("fallback_url").asString(null)));
            case "POST inbound" -> Map.of("message_sid", emulator.injectInbound(sid, text(body, "from"),
                    text(body, "to"), body.path("body").asString(""), body.path("profile_name").asString("")));
            case "POST button-tap" -> Map.of("message_sid", emulator.injectButtonTap(sid, text(body, "from"),
                    text(body, "to"), body.path("profile_name").asString(""), text(body, "button_text"),
                    text(body, "button_payload")));
            case "GET messages" -> emulator.messages(sid);
            case "GET callbacks" -> emulator.statusCallbacks(sid);
            case "GET inbound-deliveries" -> emulator.inboundDeliveries(sid);
            case "POST faults" -> done(() -> emulator.armFault(sid, fault(body), body.path("times").asInt(1)));
            default -> null;
        };
    }

    /** {@code {"status": 429}} or {@code {"hang_millis": 5000}}. */
    private static Fault fault(JsonNode body) {
        if (body.hasNonNull("hang_millis")) {
            return Fault.hang(Duration.ofMillis(body.get("hang_millis").asLong()));
        }
        return Fault.status(body.path("status").asInt(500));
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
