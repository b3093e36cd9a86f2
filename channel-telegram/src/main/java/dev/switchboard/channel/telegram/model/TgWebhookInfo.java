package dev.switchboard.channel.telegram.model;

import java.util.List;

/** getWebhookInfo: {@code url} is empty when no webhook is set. */
public record TgWebhookInfo(String url, Integer pendingUpdateCount, Long lastErrorDate, String lastErrorMessage,
                            Integer maxConnections, List<String> allowedUpdates) {
}
