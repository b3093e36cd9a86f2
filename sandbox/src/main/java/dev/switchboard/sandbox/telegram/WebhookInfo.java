package dev.switchboard.sandbox.telegram;

import java.time.Instant;
import java.util.List;

/**
 * A bot's webhook state as the emulator sees it, including the secret that getWebhookInfo
 * never reveals. {@code url} is empty when no webhook is set; {@code allowedUpdates} is null
 * when the bot never restricted them.
 */
public record WebhookInfo(String url, String secret, int pendingUpdateCount, String lastErrorMessage,
        Instant lastErrorDate, int maxConnections, List<String> allowedUpdates) {

    /** Without the secret: these end up in assertion messages and logs. */
    @Override
    public String toString() {
        return "WebhookInfo[url=" + url + ", secret=" + (secret == null ? "none" : "***") + ", pendingUpdateCount="
                + pendingUpdateCount + ", lastErrorMessage=" + lastErrorMessage + ", lastErrorDate=" + lastErrorDate
                + ", maxConnections=" + maxConnections + ", allowedUpdates=" + allowedUpdates + "]";
    }
}
