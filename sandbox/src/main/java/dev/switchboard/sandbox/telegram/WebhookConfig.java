package dev.switchboard.sandbox.telegram;

/** A set webhook. {@code secret} and {@code ipAddress} are null when not given. */
record WebhookConfig(String url, String secret, int maxConnections, String ipAddress, boolean customCertificate) {

    static final int DEFAULT_MAX_CONNECTIONS = 40;
}
