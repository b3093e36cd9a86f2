package dev.switchboard.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A binary-safe {@code multipart/form-data} parser (RFC 7578). Parts are located by scanning
 * bytes for CRLF + "--boundary", so file content may hold any byte sequence, including CRLFs
 * and partial boundaries.
 */
public final class MultipartParser {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] BLANK_LINE = {'\r', '\n', '\r', '\n'};

    private MultipartParser() {
    }

    /** One part: lower-case header names, the form field name and, for file parts, the file name. */
    public record Part(Map<String, String> headers, String name, String fileName, String contentType,
            byte[] content) {

        public boolean isFile() {
            return fileName != null;
        }

        public String text() {
            return new String(content, ContentType.parse(contentType).charsetOrUtf8());
        }
    }

    public static List<Part> parse(byte[] body, String boundary) {
        if (boundary == null || boundary.isEmpty()) {
            throw new MalformedRequestException("multipart request without a boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = concat(CRLF, delimiter);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new MalformedRequestException("multipart boundary not found");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            position += delimiter.length;
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return parts;
            }
            position = skipLineEnd(body, position);
            int next = nextDelimiter(body, separator, position);
            if (next < 0) {
                throw new MalformedRequestException("multipart part is not terminated by its boundary");
            }
            parts.add(readPart(body, position, next));
            position = next + CRLF.length;
        }
    }

    private static Part readPart(byte[] body, int start, int end) {
        int headersEnd;
        int contentStart;
        if (startsWith(body, start, CRLF)) {
            headersEnd = start;
            contentStart = start + CRLF.length;
        } else {
            headersEnd = indexOf(body, BLANK_LINE, start);
            if (headersEnd < 0 || headersEnd > end) {
                throw new MalformedRequestException("multipart part without a header block");
            }
            contentStart = headersEnd + BLANK_LINE.length;
        }
        Map<String, String> headers = parseHeaders(new String(body, start, headersEnd - start, StandardCharsets.UTF_8));
        HeaderParameters disposition = HeaderParameters.parse(headers.getOrDefault("content-disposition", ""));
        return new Part(headers, disposition.parameters().get("name"), disposition.parameters().get("filename"),
                headers.get("content-type"), Arrays.copyOfRange(body, contentStart, end));
    }

    private static Map<String, String> parseHeaders(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /**
     * The next CRLF + "--boundary" that really is a delimiter line: followed by "--" or by the
     * line end. Content may contain the boundary as a prefix of a longer line (RFC 2046 5.1.1).
     */
    private static int nextDelimiter(byte[] body, byte[] separator, int from) {
        int candidate = indexOf(body, separator, from);
        while (candidate >= 0 && !endsDelimiterLine(body, candidate + separator.length)) {
            candidate = indexOf(body, separator, candidate + 1);
        }
        return candidate;
    }

    private static boolean endsDelimiterLine(byte[] body, int position) {
        if (startsWith(body, position, new byte[] {'-', '-'}) || position == body.length) {
            return true;
        }
        while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
            position++;
        }
        return startsWith(body, position, CRLF) || (position < body.length && body[position] == '\n');
    }

    /** After a delimiter: optional transport padding, then the line end (tolerating a bare LF). */
    private static int skipLineEnd(byte[] body, int position) {
        while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
            position++;
        }
        if (startsWith(body, position, CRLF)) {
            return position + 2;
        }
        if (position < body.length && body[position] == '\n') {
            return position + 1;
        }
        throw new MalformedRequestException("malformed multipart delimiter line");
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        int last = haystack.length - needle.length;
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (haystack[i] == needle[0] && startsWith(haystack, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (offset < 0 || offset + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
