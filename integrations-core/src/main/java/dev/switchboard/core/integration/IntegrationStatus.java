package dev.switchboard.core.integration;

import java.util.Locale;

public enum IntegrationStatus {
    PENDING, ACTIVE, ERROR, DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
