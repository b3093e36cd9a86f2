package dev.switchboard.core.polling;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which node polls which integration: a provider such as Telegram allows one poller per bot, so
 * with several nodes each integration's loop runs where its lease is. A dead node's leases
 * expire and another node takes them.
 */
@Component
class PollerLeases {

    private final JdbcClient jdbc;

    PollerLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes or renews the lease; false when another live node holds it. */
    boolean acquire(UUID tenantId, UUID integrationId, String owner, Duration duration) {
        return jdbc.sql("""
                INSERT INTO public.poller_lease AS l (integration_id, tenant_id, owner, lease_until)
                VALUES (:integration, :tenant, :owner, now() + make_interval(secs => :seconds))
                ON CONFLICT (integration_id) DO UPDATE
                SET owner = excluded.owner, lease_until = excluded.lease_until
                WHERE l.owner = excluded.owner OR l.lease_until < now()
                """)
                .param("integration", integrationId)
                .param("tenant", tenantId)
                .param("owner", owner)
                .param("seconds", duration.toMillis() / 1000.0)
                .update() == 1;
    }

    void release(UUID integrationId, String owner) {
        jdbc.sql("DELETE FROM public.poller_lease WHERE integration_id = :integration AND owner = :owner")
                .param("integration", integrationId)
                .param("owner", owner)
                .update();
    }
}
