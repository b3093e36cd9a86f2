package dev.switchboard.sandbox.openai;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.SandboxHandler;
import dev.switchboard.sandbox.http.SandboxRequest;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control surface over HTTP under {@code /_sandbox/openai}: JSON in and out, snake_case;
 * routes are listed in {@code sandbox/docs/openai.md}.
 */
final class ControlSurface implements SandboxHandler {

    static final String PREFIX = "/_sandbox/openai";
    private static final JsonMapper OUTPUT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final OpenAiEmulator emulator;

    ControlSurface(OpenAiEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        String route = request.method() + " " + request.path().substring(PREFIX.length()).replaceAll("^/+|/+$", "");
        try {
            JsonNode body = request.body().length == 0 ? Json.object() : Json.parse(request.body());
            Object result = switch (route) {
                case "POST reset" -> done(emulator::reset);
                case "POST keys" -> done(() -> emulator.requireApiKey(text(body, "key")));
                case "POST models" -> done(() -> emulator.models(strings(body.path("ids"))));
                case "POST replies" -> done(() -> emulator.replyWith(text(body, "text"), body.path("times").asInt(1)));
                case "POST faults" -> armFault(body);
                case "DELETE faults" -> done(emulator::clearFaults);
                case "POST latency" -> done(() -> emulator.latency(Duration.ofMillis(body.path("millis").asLong(0))));
                case "GET requests" -> emulator.requests();
                case "GET calls" -> emulator.calls();
                default -> null;
            };
            return result == null ? SandboxResponse.json(404, error("no such control route"))
                    : SandboxResponse.json(200, OUTPUT.valueToTree(result));
        } catch (IllegalArgumentException | NullPointerException | MalformedRequestException e) {
            return SandboxResponse.json(400, error(String.valueOf(e.getMessage())));
        }
    }

    /** {@code {"fault": "rate_limited", "retry_after_ms": 1500, "times": 2}}. */
    private Object armFault(JsonNode body) {
        Fault fault = switch (text(body, "fault")) {
            case "unauthorized" -> Fault.unauthorized();
            case "rate_limited" -> Fault.rateLimited(Duration.ofMillis(body.path("retry_after_ms").asLong(1000)));
            case "insufficient_quota" -> Fault.insufficientQuota();
            case "server_error" -> Fault.serverError();
            case "overloaded" -> Fault.overloaded();
            case "hang" -> Fault.hang(Duration.ofMillis(body.path("millis").asLong(0)));
            case "drop_connection" -> Fault.dropConnection();
            default -> throw new IllegalArgumentException("unknown fault " + text(body, "fault"));
        };
        emulator.armFault(fault, body.path("times").asInt(1));
        return Json.object().put("ok", true);
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
