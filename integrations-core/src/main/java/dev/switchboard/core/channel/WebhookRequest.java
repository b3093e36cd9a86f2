package dev.switchboard.core.channel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One webhook delivery as received: the public URL it was sent to (for signature schemes that
 * sign it), lower-cased header names, form parameters if any, and the raw body.
 */
public record WebhookRequest(URI publicUrl, Map<String, List<String>> headers, Map<String, List<String>> form, byte[] body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
