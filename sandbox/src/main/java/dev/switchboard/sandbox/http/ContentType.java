package dev.switchboard.sandbox.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/** A parsed {@code Content-Type} (or {@code Content-Disposition}) header: a value plus parameters. */
public record ContentType(String value, Map<String, String> parameters) {

    public static final ContentType NONE = new ContentType("", Map.of());

    public static ContentType parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        HeaderParameters parsed = HeaderParameters.parse(header);
        return new ContentType(parsed.value().toLowerCase(Locale.ROOT), parsed.parameters());
    }

    public boolean is(String mediaType) {
        return value.equals(mediaType);
    }

    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    public Charset charset(Charset fallback) {
        String name = parameter("charset");
        if (name == null) {
            return fallback;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return fallback;
        }
    }

    public Charset charsetOrUtf8() {
        return charset(StandardCharsets.UTF_8);
    }
}
