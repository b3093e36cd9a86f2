package dev.switchboard.core.channel;

import java.net.URI;

/** Where providers reach this deployment: the public base URL and this integration's webhook. */
public record ConnectTarget(URI publicUrl, URI webhookUrl) {

    /** Telegram only calls HTTPS webhooks on these ports. */
    private static final java.util.Set<Integer> TELEGRAM_PORTS = java.util.Set.of(443, 80, 88, 8443);

    /** Whether the public URL is HTTPS on a port that webhook providers accept. */
    public boolean publiclyReachableOverHttps() {
        if (!"https".equalsIgnoreCase(publicUrl.getScheme())) {
            return false;
        }
        int port = publicUrl.getPort() == -1 ? 443 : publicUrl.getPort();
        return TELEGRAM_PORTS.contains(port);
    }
}
