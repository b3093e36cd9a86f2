package dev.switchboard.core.webhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform-wide routing table from a webhook key to its tenant and integration. Lookups are
 * cached: a key never changes owner, and a removed route is also checked against the
 * integration itself, so a stale entry cannot route a delivery anywhere wrong.
 */
@Component
public class WebhookRoutes {

    public record Route(String webhookKey, UUID tenantId, UUID integrationId, String channelType) {
    }

    private final JdbcClient jdbc;
    private final Cache<String, Route> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    public WebhookRoutes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a route inside the caller's transaction. */
    public void add(Route route) {
        jdbc.sql("""
                INSERT INTO public.webhook_route (webhook_key, tenant_id, integration_id, channel_type)
                VALUES (:key, :tenant, :integration, :type)
                """)
                .param("key", route.webhookKey())
                .param("tenant", route.tenantId())
                .param("integration", route.integrationId())
                .param("type", route.channelType())
                .update();
    }

    /** Removes an integration's route inside the caller's transaction. */
    public void remove(UUID integrationId) {
        jdbc.sql("DELETE FROM public.webhook_route WHERE integration_id = :id RETURNING webhook_key")
                .param("id", integrationId)
                .query(String.class)
                .list()
                .forEach(cache::invalidate);
    }

    public Optional<Route> find(String webhookKey) {
        Route cached = cache.getIfPresent(webhookKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Route> route = jdbc.sql("""
                SELECT webhook_key, tenant_id, integration_id, channel_type
                FROM public.webhook_route WHERE webhook_key = :key
                """)
                .param("key", webhookKey)
                .query((rs, n) -> new Route(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4)))
                .optional();
        route.ifPresent(r -> cache.put(webhookKey, r));
        return route;
    }

    public void evictAll() {
        cache.invalidateAll();
    }
}
