package dev.switchboard.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code SWITCHBOARD_ADMIN_TOKEN} (else generated to {@code <data>/admin-token}),
 * {@code SWITCHBOARD_ADMIN_EMAIL} and {@code _ADMIN_PASSWORD} for the web UI (else {@code admin}
 * and the admin token).
 */
@ConfigurationProperties("switchboard")
public record AdminProperties(String adminToken, String adminEmail, String adminPassword) {

    @Override
    public String toString() {
        return "AdminProperties[adminEmail=" + adminEmail + "]";
    }
}
