package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.MalformedRequestException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Form and query encoding with repeated names kept (Twilio's {@code MediaUrl} repeats). */
final class TwilioForm {

    private TwilioForm() {
    }

    static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = component(equals < 0 ? pair : pair.substring(0, equals));
            String value = component(equals < 0 ? "" : pair.substring(equals + 1));
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return values;
    }

    static Map<String, String> decodeSingle(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        decode(encoded).forEach((name, list) -> values.put(name, list.get(list.size() - 1)));
        return values;
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue() == null ? "" : entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String component(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("bad percent-encoding in '" + text + "'");
        }
    }
}
