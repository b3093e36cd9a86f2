package dev.switchboard.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits {@code value; name=token; name="quoted \" string"} as used by Content-Type and
 * Content-Disposition. Semicolons inside quotes do not split; RFC 5987 {@code name*=} values
 * (e.g. {@code filename*=UTF-8''na%C3%AFve.txt}) are decoded and win over the plain ones.
 */
record HeaderParameters(String value, Map<String, String> parameters) {

    static HeaderParameters parse(String header) {
        int cursor = header.indexOf(';');
        String value = (cursor < 0 ? header : header.substring(0, cursor)).trim();
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> extended = new LinkedHashMap<>();
        while (cursor >= 0 && cursor < header.length()) {
            int equals = header.indexOf('=', cursor + 1);
            if (equals < 0) {
                break;
            }
            String name = header.substring(cursor + 1, equals).trim().toLowerCase(Locale.ROOT);
            StringBuilder parameterValue = new StringBuilder();
            cursor = readValue(header, equals + 1, parameterValue);
            if (name.endsWith("*")) {
                extended.put(name.substring(0, name.length() - 1), decodeExtended(parameterValue.toString()));
            } else {
                plain.put(name, parameterValue.toString());
            }
        }
        plain.putAll(extended);
        return new HeaderParameters(value, plain);
    }

    /** Reads a token or quoted string starting at {@code start}; returns the index of the next ';' or -1. */
    private static int readValue(String header, int start, StringBuilder out) {
        int i = start;
        while (i < header.length() && header.charAt(i) == ' ') {
            i++;
        }
        if (i < header.length() && header.charAt(i) == '"') {
            for (i++; i < header.length() && header.charAt(i) != '"'; i++) {
                char c = header.charAt(i);
                if (c == '\\' && i + 1 < header.length()) {
                    c = header.charAt(++i);
                }
                out.append(c);
            }
            return header.indexOf(';', Math.min(i, header.length()));
        }
        int end = header.indexOf(';', i);
        out.append(header, i, end < 0 ? header.length() : end);
        int length = out.length();
        while (length > 0 && out.charAt(length - 1) == ' ') {
            out.setLength(--length);
        }
        return end;
    }

    private static String decodeExtended(String value) {
        int firstQuote = value.indexOf('\'');
        int secondQuote = firstQuote < 0 ? -1 : value.indexOf('\'', firstQuote + 1);
        if (secondQuote < 0) {
            return value;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, firstQuote));
        } catch (RuntimeException unknownCharset) {
            charset = StandardCharsets.UTF_8;
        }
        return URLDecoder.decode(value.substring(secondQuote + 1).replace("+", "%2B"), charset);
    }
}
