package dev.switchboard.app.api.webhooks;

import dev.switchboard.app.api.problem.ProblemWriter;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import dev.switchboard.core.channel.WebhookReply;
import dev.switchboard.core.channel.WebhookRequest;
import dev.switchboard.core.config.PublicUrl;
import dev.switchboard.core.webhook.WebhookIngest;
import jakarta.servlet.http.HttpServlet;
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
 * provider-facing status (404, 401, 400, 429). A plain servlet rather than a controller: every
 * provider delivery passes here, and Spring MVC's dispatch (handler mapping, argument
 * resolution, content negotiation) cost more CPU than storing the delivery. Bodies are never logged.
 */
final class WebhookServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(WebhookServlet.class);
    private static final int MAX_BODY = 1 << 20;

    private final transient WebhookIngest ingest;
    private final transient PublicUrl publicUrl;
    private final transient ProblemWriter problems;

    WebhookServlet(WebhookIngest ingest, PublicUrl publicUrl, ProblemWriter problems) {
        this.ingest = ingest;
        this.publicUrl = publicUrl;
        this.problems = problems;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            problems.write(response, 405, "a webhook accepts only POST");
            return;
        }
        try {
            WebhookPath path = WebhookPath.parse(request.getPathInfo());
            WebhookReply reply = ingest.ingest(path.segment(), path.webhookKey(), toWebhookRequest(request)).reply();
            answer(response, reply);
        } catch (WebhookRejectedException e) {
            problems.write(response, e.reason().status(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("webhook delivery failed", e);
            problems.write(response, 500, "an unexpected error occurred");
        }
    }

    private static void answer(HttpServletResponse response, WebhookReply reply) throws IOException {
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
