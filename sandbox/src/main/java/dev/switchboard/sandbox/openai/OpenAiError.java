package dev.switchboard.sandbox.openai;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.SandboxResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** An OpenAI API error: {@code {"error": {"message", "type", "param", "code"}}} with its HTTP status. */
final class OpenAiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();

    OpenAiError(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    static OpenAiError invalidRequest(String param, String code, String message) {
        return new OpenAiError(400, "invalid_request_error", param, code, message);
    }

    static OpenAiError missingKey() {
        return new OpenAiError(401, "invalid_request_error", null, null, "You didn't provide an API key. You need to "
                + "provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer "
                + "YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your "
                + "browser and are prompted for a username. You can obtain an API key from "
                + "https://platform.openai.com/account/api-keys.");
    }

    static OpenAiError incorrectKey(String key) {
        return new OpenAiError(401, "invalid_request_error", null, "invalid_api_key", "Incorrect API key provided: "
                + mask(key) + ". You can find your API key at https://platform.openai.com/account/api-keys.");
    }

    static OpenAiError modelNotFound(String model) {
        return new OpenAiError(404, "invalid_request_error", null, "model_not_found",
                "The model `" + model + "` does not exist or you do not have access to it.");
    }

    static OpenAiError invalidUrl(String method, String path) {
        return new OpenAiError(404, "invalid_request_error", null, null, "Invalid URL (" + method + " " + path + ")");
    }

    OpenAiError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    /** What the call log shows: the code, or the type when there is no code. */
    String label() {
        return code != null ? code : type;
    }

    ObjectNode body() {
        ObjectNode error = Json.object().put("message", getMessage()).put("type", type);
        error.put("param", param);
        error.put("code", code);
        return Json.object().set("error", error);
    }

    SandboxResponse toResponse() {
        SandboxResponse response = SandboxResponse.json(status, body());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /** OpenAI shows a key's first and last characters only. */
    static String mask(String key) {
        if (key == null || key.length() <= 8) {
            return "***";
        }
        return key.substring(0, 3) + "*".repeat(Math.min(20, key.length() - 7)) + key.substring(key.length() - 4);
    }
}
