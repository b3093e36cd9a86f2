package dev.switchboard.sandbox.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Request parameters from any encoding. A value is a string (query, form, multipart text
 * part), a JSON node (a JSON body's top-level field) or an uploaded file. Callers ask for the
 * shape they need: {@link #json} parses string values, so a {@code reply_markup} sent as a
 * JSON string in a form reads the same as one sent as an object in a JSON body.
 */
public final class RequestParams {

    private static final RequestParams EMPTY = new RequestParams(Map.of());

    private final Map<String, Object> values;

    private RequestParams(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static RequestParams empty() {
        return EMPTY;
    }

    /** Values must be {@link String}, {@link JsonNode} or {@link UploadedFile}. */
    public static RequestParams of(Map<String, ?> values) {
        values.forEach((name, value) -> {
            if (!(value instanceof String || value instanceof JsonNode || value instanceof UploadedFile)) {
                throw new IllegalArgumentException("unsupported parameter value for " + name + ": " + value);
            }
        });
        return new RequestParams(values);
    }

    /** These parameters overridden by {@code other}'s. */
    public RequestParams with(RequestParams other) {
        if (other.values.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(other.values);
        return new RequestParams(merged);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean has(String name) {
        Object value = values.get(name);
        return value != null && !(value instanceof JsonNode node && node.isNull());
    }

    /** The value as text: JSON scalars as their text, objects and arrays as JSON; files are absent. */
    public Optional<String> text(String name) {
        Object value = values.get(name);
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof JsonNode node) {
            return Optional.ofNullable(Json.text(node));
        }
        return Optional.empty();
    }

    /** The value as JSON, parsing text values; throws {@link MalformedRequestException} if it is not JSON. */
    public Optional<JsonNode> json(String name) {
        Object value = values.get(name);
        if (value instanceof JsonNode node) {
            return node.isNull() ? Optional.empty() : Optional.of(node.isString() ? Json.parse(node.stringValue()) : node);
        }
        if (value instanceof String text) {
            return Optional.of(Json.parse(text));
        }
        return Optional.empty();
    }

    public Optional<UploadedFile> file(String name) {
        return values.get(name) instanceof UploadedFile file ? Optional.of(file) : Optional.empty();
    }

    /** Every value as text, files described by name and size: for recording what a client sent. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((name, value) -> text.put(name, value instanceof UploadedFile file
                ? "<file " + file.fileName() + ", " + file.size() + " bytes>"
                : text(name).orElse(null)));
        return text;
    }

    @Override
    public String toString() {
        return "RequestParams" + names();
    }
}
