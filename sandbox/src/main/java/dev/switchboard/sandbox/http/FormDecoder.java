package dev.switchboard.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes {@code a=1&b=x%20y} (query strings and {@code application/x-www-form-urlencoded}). */
public final class FormDecoder {

    private FormDecoder() {
    }

    /** Later duplicates win; a name without '=' has the empty value. */
    public static Map<String, String> decode(String encoded, Charset charset) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(decodeComponent(name, charset), decodeComponent(value, charset));
        }
        return values;
    }

    private static String decodeComponent(String component, Charset charset) {
        try {
            return URLDecoder.decode(component, charset);
        } catch (IllegalArgumentException badEscape) {
            throw new MalformedRequestException("bad percent-encoding in '" + component + "'");
        }
    }
}
