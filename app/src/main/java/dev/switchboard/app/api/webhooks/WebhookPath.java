package dev.switchboard.app.api.webhooks;

import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;

/**
 * The part of a webhook URL after {@code /webhooks}: {@code /{segment}/{webhookKey}}, optionally
 * followed by one more segment (a provider that appends its own path, such as a status callback).
 */
record WebhookPath(String segment, String webhookKey) {

    static WebhookPath parse(String pathInfo) {
        // "/a/b" splits into "", "a", "b"; "/a/b/c" adds "c"
        String[] parts = pathInfo == null ? new String[0] : pathInfo.split("/", -1);
        boolean wellFormed = (parts.length == 3 || parts.length == 4) && parts[0].isEmpty()
                && !parts[1].isEmpty() && !parts[2].isEmpty() && (parts.length == 3 || !parts[3].isEmpty());
        if (!wellFormed) {
            throw new WebhookRejectedException(Reason.NOT_FOUND, "no such webhook");
        }
        return new WebhookPath(parts[1], parts[2]);
    }
}
