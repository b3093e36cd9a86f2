package dev.switchboard.core.integration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.ConnectTarget;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.config.PublicUrl;
import dev.switchboard.core.support.Json;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.vault.CredentialVault;
import dev.switchboard.core.vault.SealContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Seals and opens integration credentials, and builds the {@link IntegrationHandle} a provider
 * works with. Opened handles are cached by (integration, last update), so a changed row is
 * never served from the cache.
 */
@Component
public class IntegrationHandles {

    private static final String SECRET_FIELDS = "__secret";

    private final CredentialVault vault;
    private final PublicUrl publicUrl;
    private final ChannelRegistry channels;
    private final Cache<CacheKey, IntegrationHandle> cache = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    private record CacheKey(UUID integrationId, Instant updatedAt, byte[] sealed) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CacheKey k && k.integrationId.equals(integrationId) && k.updatedAt.equals(updatedAt)
                    && java.util.Arrays.equals(k.sealed, sealed);
        }

        @Override
        public int hashCode() {
            return integrationId.hashCode() * 31 + updatedAt.hashCode();
        }
    }

    public IntegrationHandles(CredentialVault vault, PublicUrl publicUrl, ChannelRegistry channels) {
        this.vault = vault;
        this.publicUrl = publicUrl;
        this.channels = channels;
    }

    public IntegrationHandle handle(TenantRef tenant, Integration integration) {
        CacheKey key = new CacheKey(integration.getId(), integration.getUpdatedAt(), integration.getCredentials());
        return cache.get(key, k -> new IntegrationHandle(tenant.id(), integration.getId(), integration.getType(),
                open(tenant.id(), integration.getId(), integration.getCredentials()), integration.getSettings(),
                target(integration.getType(), integration.getWebhookKey())));
    }

    /** The same from a plain row: its settings are read only when the handle is not cached. */
    public IntegrationHandle handle(TenantRef tenant, StoredIntegration integration) {
        CacheKey key = new CacheKey(integration.id(), integration.updatedAt(), integration.credentials());
        return cache.get(key, k -> new IntegrationHandle(tenant.id(), integration.id(), integration.type(),
                open(tenant.id(), integration.id(), integration.credentials()),
                integration.settingsJson() == null ? Map.of() : Json.readMap(integration.settingsJson()),
                target(integration.type(), integration.webhookKey())));
    }

    public ConnectTarget target(String type, String webhookKey) {
        String segment = channels.byType(type).map(p -> p.webhookSegment()).orElse(type);
        return new ConnectTarget(publicUrl.base(), publicUrl.webhook(segment, webhookKey));
    }

    public byte[] seal(UUID tenantId, UUID integrationId, ChannelCredentials credentials) {
        Map<String, Object> document = new LinkedHashMap<>(credentials.toSealable());
        document.put(SECRET_FIELDS, List.copyOf(credentials.secretFields()));
        return vault.seal(SealContext.integration(tenantId, integrationId),
                Json.write(document).getBytes(StandardCharsets.UTF_8));
    }

    public ChannelCredentials open(UUID tenantId, UUID integrationId, byte[] sealed) {
        if (sealed == null) {
            return ChannelCredentials.of(Map.of(), Set.of());
        }
        byte[] plain = vault.open(SealContext.integration(tenantId, integrationId), sealed);
        Map<String, Object> document = Json.readMap(new String(plain, StandardCharsets.UTF_8));
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        document.forEach((name, value) -> {
            if (SECRET_FIELDS.equals(name)) {
                ((List<?>) value).forEach(field -> secrets.add(field.toString()));
            } else if (value != null) {
                values.put(name, value.toString());
            }
        });
        return ChannelCredentials.of(values, secrets);
    }

    /** The masked hint of the first secret the user supplied, e.g. {@code …XYZ9}. */
    public static String hint(ChannelCredentials credentials) {
        for (Map.Entry<String, String> field : credentials.toSealable().entrySet()) {
            if (credentials.secretFields().contains(field.getKey())) {
                return dev.switchboard.core.vault.Secret.of(field.getValue()).hint();
            }
        }
        return null;
    }
}
