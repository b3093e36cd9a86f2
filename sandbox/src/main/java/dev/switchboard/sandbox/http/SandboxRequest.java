package dev.switchboard.sandbox.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One received request with its body read. Parameters are decoded on first use, so a
 * malformed body only fails the handlers that look at it.
 */
public final class SandboxRequest {

    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private RequestParams query;
    private RequestParams params;

    public SandboxRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.uri = uri;
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> this.headers.put(name, List.copyOf(values)));
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** The percent-decoded path, e.g. {@code /bot123:AA.../sendMessage}. */
    public String path() {
        return uri.getPath();
    }

    public URI uri() {
        return uri;
    }

    /** Header names are case-insensitive. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public ContentType contentType() {
        return ContentType.parse(header("Content-Type").orElse(null));
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, contentType().charset(StandardCharsets.UTF_8));
    }

    public synchronized RequestParams query() {
        if (query == null) {
            query = RequestParams.of(FormDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8));
        }
        return query;
    }

    /** Query parameters overridden by body parameters (form, JSON object or multipart). */
    public synchronized RequestParams params() {
        if (params == null) {
            params = query().with(BodyParser.parse(contentType(), body));
        }
        return params;
    }

    /** Method only: paths and bodies can carry secrets such as bot tokens. */
    @Override
    public String toString() {
        return "SandboxRequest[" + method + "]";
    }
}
