package dev.switchboard.core.channel;

import java.util.Map;
import java.util.UUID;

/**
 * What a provider needs to act for one integration: who it is, its opened credentials, its
 * settings and where its webhook is.
 */
public record IntegrationHandle(
        UUID tenantId,
        UUID integrationId,
        String type,
        ChannelCredentials credentials,
        Map<String, Object> settings,
        ConnectTarget target) {

    public String setting(String name, String fallback) {
        Object value = settings.get(name);
        return value == null ? fallback : value.toString();
    }

    public IntegrationHandle withCredentials(ChannelCredentials replacement) {
        return new IntegrationHandle(tenantId, integrationId, type, replacement, settings, target);
    }
}
