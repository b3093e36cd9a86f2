package dev.switchboard.app.api.webhooks;

import dev.switchboard.core.channel.WebhookReply;
import dev.switchboard.core.channel.WebhookRequest;
import dev.switchboard.core.config.PublicUrl;
import dev.switchboard.core.webhook.WebhookIngest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /webhooks/{type}/{webhookKey}}: hands the raw delivery to the ingest path and
 * answers 200 only after it is stored. Bodies are never logged.
 */
@RestController
class WebhookController {

    private static final int MAX_BODY = 1 << 20;

    private final WebhookIngest ingest;
    private final PublicUrl publicUrl;

    WebhookController(WebhookIngest ingest, PublicUrl publicUrl) {
        this.ingest = ingest;
        this.publicUrl = publicUrl;
    }

    @PostMapping({"/webhooks/{segment}/{webhookKey}", "/webhooks/{segment}/{webhookKey}/{subPath}"})
    ResponseEntity<byte[]> receive(@PathVariable String segment, @PathVariable String webhookKey,
                                 HttpServletRequest request) throws IOException {
        WebhookIngest.Outcome outcome = ingest.ingest(segment, webhookKey, toWebhookRequest(request));
        WebhookReply reply = outcome.reply();
        if (reply.body() == null) {
            return ResponseEntity.ok().build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(reply.contentType()))
                .body(reply.body().getBytes(StandardCharsets.UTF_8));
    }

    private WebhookRequest toWebhookRequest(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new dev.switchboard.core.channel.WebhookRejectedException(
                    dev.switchboard.core.channel.WebhookRejectedException.Reason.MALFORMED, "body too large");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
        }
        return new WebhookRequest(publicUri(request), headers, form(request, body), body);
    }

    /** The URL the provider called, as seen from outside (signatures are computed over it). */
    private URI publicUri(HttpServletRequest request) {
        String query = request.getQueryString();
        return URI.create(publicUrl.base() + request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    private static Map<String, List<String>> form(HttpServletRequest request, byte[] body) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        UriComponentsBuilder.newInstance().query(new String(body, StandardCharsets.UTF_8)).build().getQueryParams()
                .forEach((name, values) -> form.put(decode(name), values.stream().map(WebhookController::decode).toList()));
        return form;
    }

    private static String decode(String value) {
        return value == null ? "" : java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
