package dev.switchboard.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Turns a request body into {@link RequestParams} according to its content type. */
final class BodyParser {

    private BodyParser() {
    }

    static RequestParams parse(ContentType contentType, byte[] body) {
        if (body.length == 0) {
            return RequestParams.empty();
        }
        return switch (contentType.value()) {
            case "application/x-www-form-urlencoded" -> RequestParams.of(
                    FormDecoder.decode(new String(body, contentType.charsetOrUtf8()), contentType.charsetOrUtf8()));
            case "application/json" -> jsonObject(Json.parse(new String(body, contentType.charsetOrUtf8())));
            case "multipart/form-data" -> multipart(MultipartParser.parse(body, contentType.parameter("boundary")));
            default -> RequestParams.empty();
        };
    }

    private static RequestParams jsonObject(JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedRequestException("JSON body is not an object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue()));
        return RequestParams.of(values);
    }

    private static RequestParams multipart(Iterable<MultipartParser.Part> parts) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (MultipartParser.Part part : parts) {
            if (part.name() == null) {
                continue;
            }
            values.put(part.name(), part.isFile()
                    ? new UploadedFile(part.fileName(), part.contentType(), part.content())
                    : part.text());
        }
        return RequestParams.of(values);
    }
}
