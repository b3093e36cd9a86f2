package dev.switchboard.app.api.webhooks;

import dev.switchboard.app.api.problem.ProblemWriter;
import dev.switchboard.app.config.RequestIds;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import dev.switchboard.core.channel.WebhookReply;
import dev.switchboard.core.channel.WebhookRequest;
import dev.switchboard.core.config.PublicUrl;
import dev.switchboard.core.webhook.WebhookIngest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/{segment}/{webhookKey}[/{subPath}]}: hands the raw delivery to the ingest
 * path and answers 200 only after it is stored; a rejection is a problem document with the
 * provider-facing status (404, 401, 400, 429). Bodies are never logged.
 *
 * <p>A filter at the front of the chain that answers every request under {@code /webhooks} itself,
 * giving it its request id ({@link RequestIds}): every provider delivery passes here, and what the
 * rest of the chain does for the API and the UI (Spring Security's filters and their
 * observations, the HTTP server observation, Spring MVC's dispatch) cost a webhook about as much
 * CPU as its own work. A delivery needs none of it: its channel authenticates it the provider's
 * way, and {@code switchboard.webhooks} measures it.
 */
final class WebhookFilter extends HttpFilter {

    /** Where webhooks are served, below the context path. */
    static final String PREFIX = "/webhooks";

    private static final Logger log = LoggerFactory.getLogger(WebhookFilter.class);
    private static final int MAX_BODY = 1 << 20;

    private final transient WebhookIngest ingest;
    private final transient PublicUrl publicUrl;
    private final transient ProblemWriter problems;

    WebhookFilter(WebhookIngest ingest, PublicUrl publicUrl, ProblemWriter problems) {
        this.ingest = ingest;
        this.publicUrl = publicUrl;
        this.problems = problems;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain rest) throws IOException {
        RequestIds.open(request, response);
        try {
            answer(request, response);
        } finally {
            RequestIds.close();
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            problems.write(response, 405, "a webhook accepts only POST");
            return;
        }
        try {
            WebhookPath path = WebhookPath.parse(pathAfterPrefix(request));
            WebhookReply reply = ingest.ingest(path.segment(), path.webhookKey(), toWebhookRequest(request)).reply();
            reply(response, reply);
        } catch (WebhookRejectedException e) {
            problems.write(response, e.reason().status(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("webhook delivery failed", e);
            problems.write(response, 500, "an unexpected error occurred");
        }
    }

    /** The path below {@link #PREFIX}: the filter sees the request before any servlet claims it. */
    private static String pathAfterPrefix(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PREFIX + "/") ? path.substring(PREFIX.length()) : null;
    }

    private static void reply(HttpServletResponse response, WebhookReply reply) throws IOException {
        response.setStatus(200);
        if (reply.body() == null) {
            response.setContentLength(0);
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setContentType(reply.contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private WebhookRequest toWebhookRequest(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new WebhookRejectedException(Reason.MALFORMED, "body too large");
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
        }
        return new WebhookRequest(publicUri(request), headers, WebhookForms.parse(request.getContentType(), body), body);
    }

    /** The URL the provider called, as seen from outside (signatures are computed over it). */
    private URI publicUri(HttpServletRequest request) {
        String query = request.getQueryString();
        return URI.create(publicUrl.base() + request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
