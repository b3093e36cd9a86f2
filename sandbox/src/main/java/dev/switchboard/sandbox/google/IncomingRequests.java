package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.MalformedRequestException;
import dev.switchboard.sandbox.http.SandboxRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * What Google's Java client does on the wire, undone: request bodies gzip-compressed
 * ({@code Content-Encoding: gzip}), PATCH sent as POST with {@code X-HTTP-Method-Override}
 * (HttpURLConnection cannot PATCH), and over-long GETs sent as POST with the query in a form body.
 */
final class IncomingRequests {

    private IncomingRequests() {
    }

    static SandboxRequest normalize(SandboxRequest request) {
        byte[] body = request.body();
        if (request.header("Content-Encoding").map(value -> value.toLowerCase(Locale.ROOT).contains("gzip"))
                .orElse(false)) {
            body = gunzip(body);
        }
        String method = request.method();
        URI uri = request.uri();
        String override = request.header("X-HTTP-Method-Override").orElse(null);
        if ("POST".equals(method) && override != null && !override.isBlank()) {
            method = override.trim().toUpperCase(Locale.ROOT);
            if (method.equals("GET") && request.contentType().is("application/x-www-form-urlencoded")) {
                uri = withQuery(uri, new String(body, StandardCharsets.UTF_8));
                body = new byte[0];
            }
        }
        if (body == request.body() && method.equals(request.method()) && uri == request.uri()) {
            return request;
        }
        return new SandboxRequest(method, uri, request.headers(), body);
    }

    private static byte[] gunzip(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MalformedRequestException("body is not valid gzip");
        }
    }

    private static URI withQuery(URI uri, String formBody) {
        String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? formBody
                : uri.getRawQuery() + "&" + formBody;
        String prefix = uri.getScheme() == null ? "" : uri.getScheme() + "://" + uri.getRawAuthority();
        try {
            return URI.create(prefix + uri.getRawPath() + "?" + query);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("bad query in form body");
        }
    }
}
