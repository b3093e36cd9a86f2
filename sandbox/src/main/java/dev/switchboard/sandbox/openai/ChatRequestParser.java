package dev.switchboard.sandbox.openai;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.MalformedRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads and validates a chat-completions body the way the OpenAI API does, with its error bodies. */
final class ChatRequestParser {

    static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    /** The request plus the knobs that only shape the answer. */
    record Parsed(ChatRequest request, int n, boolean includeUsage) {
    }

    private ChatRequestParser() {
    }

    static Parsed parse(byte[] body, boolean authorizationPresent, Instant at) {
        JsonNode root;
        try {
            root = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (MalformedRequestException e) {
            throw unparseable();
        }
        if (!root.isObject()) {
            throw unparseable();
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isString() || model.stringValue().isBlank()) {
            throw OpenAiError.invalidRequest(null, null, "you must provide a model parameter");
        }
        List<ChatMessage> messages = messages(root.get("messages"));
        Double temperature = temperature(root.get("temperature"));
        Integer maxTokens = positiveInt(root, "max_completion_tokens");
        Integer legacyMaxTokens = positiveInt(root, "max_tokens");
        Integer n = positiveInt(root, "n");
        boolean stream = root.path("stream").asBoolean(false);
        ChatRequest request = new ChatRequest(model.stringValue(), messages, temperature,
                maxTokens != null ? maxTokens : legacyMaxTokens, stream, authorizationPresent, at);
        return new Parsed(request, n == null ? 1 : n, root.path("stream_options").path("include_usage")
                .asBoolean(false));
    }

    private static List<ChatMessage> messages(JsonNode node) {
        if (node == null || node.isNull()) {
            throw OpenAiError.invalidRequest("messages", "missing_required_parameter",
                    "Missing required parameter: 'messages'.");
        }
        if (!node.isArray()) {
            throw OpenAiError.invalidRequest("messages", "invalid_type",
                    "Invalid type for 'messages': expected an array of objects, but got " + typeName(node)
                            + " instead.");
        }
        if (node.isEmpty()) {
            throw OpenAiError.invalidRequest("messages", "empty_array", "Invalid 'messages': empty array. Expected an "
                    + "array with minimum length 1, but got an empty array instead.");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            messages.add(message(node.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage message(JsonNode node, String where) {
        if (!node.isObject()) {
            throw OpenAiError.invalidRequest(where, "invalid_type",
                    "Invalid type for '" + where + "': expected an object, but got " + typeName(node) + " instead.");
        }
        JsonNode role = node.get("role");
        if (role == null || role.isNull()) {
            throw OpenAiError.invalidRequest(where + ".role", "missing_required_parameter",
                    "Missing required parameter: '" + where + ".role'.");
        }
        if (!role.isString() || !ROLES.contains(role.stringValue())) {
            throw OpenAiError.invalidRequest(where + ".role", "invalid_value", "Invalid value: '" + Json.text(role)
                    + "'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.");
        }
        JsonNode content = node.get("content");
        boolean mayOmit = role.stringValue().equals("assistant") && node.has("tool_calls");
        if ((content == null || content.isNull()) && !mayOmit) {
            throw OpenAiError.invalidRequest(where + ".content", "missing_required_parameter",
                    "Missing required parameter: '" + where + ".content'.");
        }
        return new ChatMessage(role.stringValue(), content == null || content.isNull() ? "" : text(content, where));
    }

    /** A string, or the array-of-parts form: text parts joined by newlines, images as {@code [image]}. */
    private static String text(JsonNode content, String where) {
        if (content.isString()) {
            return content.stringValue();
        }
        if (!content.isArray()) {
            throw OpenAiError.invalidRequest(where + ".content", "invalid_type", "Invalid type for '" + where
                    + ".content': expected one of a string or array of objects, but got " + typeName(content)
                    + " instead.");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String type = part.path("type").asString("");
            switch (type) {
                case "text" -> parts.add(part.path("text").asString(""));
                case "image_url", "image_file" -> parts.add("[image]");
                case "input_audio" -> parts.add("[audio]");
                case "file" -> parts.add("[file]");
                default -> throw OpenAiError.invalidRequest(where + ".content[" + i + "].type", "invalid_value",
                        "Invalid value: '" + type + "'. Supported values are: 'text', 'image_url', 'input_audio', "
                                + "'refusal', 'audio', and 'file'.");
            }
        }
        return String.join("\n", parts);
    }

    private static Double temperature(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw OpenAiError.invalidRequest("temperature", "invalid_type",
                    "Invalid type for 'temperature': expected a decimal, but got " + typeName(node) + " instead.");
        }
        double value = node.asDouble();
        if (value > 2) {
            throw OpenAiError.invalidRequest("temperature", "decimal_above_max_value", "Invalid 'temperature': "
                    + "decimal above maximum value. Expected a value <= 2, but got " + node.asString() + " instead.");
        }
        if (value < 0) {
            throw OpenAiError.invalidRequest("temperature", "decimal_below_min_value", "Invalid 'temperature': "
                    + "decimal below minimum value. Expected a value >= 0, but got " + node.asString() + " instead.");
        }
        return value;
    }

    private static Integer positiveInt(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw OpenAiError.invalidRequest(name, "invalid_type",
                    "Invalid type for '" + name + "': expected an integer, but got " + typeName(node) + " instead.");
        }
        if (node.asLong() < 1) {
            throw OpenAiError.invalidRequest(name, "integer_below_min_value", "Invalid '" + name + "': integer "
                    + "below minimum value. Expected a value >= 1, but got " + node.asString() + " instead.");
        }
        return (int) Math.min(Integer.MAX_VALUE, node.asLong());
    }

    private static OpenAiError unparseable() {
        return OpenAiError.invalidRequest(null, null, "We could not parse the JSON body of your request. (HINT: This "
                + "likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, "
                + "but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please "
                + "contact us through our help center at help.openai.com.)");
    }

    private static String typeName(JsonNode node) {
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isObject() ? "an object" : "null";
    }
}
