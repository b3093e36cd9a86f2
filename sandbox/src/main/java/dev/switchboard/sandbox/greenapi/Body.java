package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxRequest;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON request body with Green API's (Joi-style) validation: unknown fields are rejected, and
 * each failure answers 400 {@code Validation failed. Details: 'field' ...}. Like Green API's
 * Node server, the body is read as JSON only when the Content-Type says JSON.
 */
final class Body {

    static final Pattern PERSONAL_CHAT = Pattern.compile("^\\d{5,20}@c\\.us$");
    static final Pattern GROUP_CHAT = Pattern.compile("^\\d{5,20}(-\\d{5,20})?@g\\.us$");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectNode json;

    private Body(ObjectNode json) {
        this.json = json;
    }

    static Body parse(SandboxRequest request, Set<String> allowed) {
        Body body = new Body(read(request));
        for (String name : body.json.propertyNames()) {
            if (!allowed.contains(name)) {
                throw GreenErrors.validation("'" + name + "' is not allowed");
            }
        }
        return body;
    }

    static Body of(ObjectNode json) {
        return new Body(json);
    }

    private static ObjectNode read(SandboxRequest request) {
        String contentType = request.header("Content-Type").orElse("");
        String text = request.bodyText();
        if (!contentType.toLowerCase(java.util.Locale.ROOT).contains("json") || text.isBlank()) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            long position = location == null ? 0 : Math.max(0, location.getCharOffset());
            String token = position < text.length() ? String.valueOf(text.charAt((int) position)) : "end";
            throw GreenErrors.badRequest("Unexpected token " + token + " in JSON at position " + position);
        }
        if (!(node instanceof ObjectNode object)) {
            throw GreenErrors.validation("'value' must be of type object");
        }
        return object;
    }

    ObjectNode json() {
        return json;
    }

    Map<String, Object> asMap() {
        return Json.MAPPER.convertValue(json, MAP);
    }

    boolean has(String name) {
        return json.hasNonNull(name);
    }

    JsonNode node(String name) {
        return json.get(name);
    }

    /** A personal ({@code digits@c.us}) or group ({@code id@g.us}) chat id. */
    String chatId() {
        String chatId = requiredString("chatId");
        if (!PERSONAL_CHAT.matcher(chatId).matches() && !GROUP_CHAT.matcher(chatId).matches()) {
            throw GreenErrors.validation("'chatId' must be one of the next formats: 'phone_number@c.us' or 'group_id@g.us");
        }
        return chatId;
    }

    String requiredString(String name) {
        if (!has(name)) {
            throw GreenErrors.validation("'" + name + "' is required");
        }
        String value = string(name);
        if (value.isEmpty()) {
            throw GreenErrors.validation("'" + name + "' is not allowed to be empty");
        }
        return value;
    }

    /** Absent → null; present but empty is allowed. */
    String optionalString(String name) {
        return has(name) ? string(name) : null;
    }

    /** Counts UTF-16 units, as Joi's {@code string().max()} does (an emoji counts twice). */
    String maxLength(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw GreenErrors.validation("'" + name + "' length must be less than or equal to " + max
                    + " characters long");
        }
        return value;
    }

    double requiredNumber(String name) {
        if (!has(name)) {
            throw GreenErrors.validation("'" + name + "' is required");
        }
        JsonNode node = json.get(name);
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isString()) {
            try {
                return Double.parseDouble(node.asString().trim());
            } catch (NumberFormatException e) {
                // falls through to the validation error
            }
        }
        throw GreenErrors.validation("'" + name + "' must be a number");
    }

    /** A whole number given as a JSON number or a digit string (Joi converts those). */
    long requiredInteger(String name) {
        double value = requiredNumber(name);
        if (value != Math.rint(value) || Math.abs(value) > 9.0e15) {
            throw GreenErrors.validation("'" + name + "' must be an integer");
        }
        return (long) value;
    }

    Boolean optionalBoolean(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode node = json.get(name);
        if (!node.isBoolean()) {
            throw GreenErrors.validation("'" + name + "' must be a boolean");
        }
        return node.asBoolean();
    }

    private String string(String name) {
        JsonNode node = json.get(name);
        if (!node.isString()) {
            throw GreenErrors.validation("'" + name + "' must be a string");
        }
        return node.asString();
    }
}
