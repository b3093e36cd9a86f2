package dev.switchboard.core.oauth;

import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.support.RandomTokens;
import dev.switchboard.core.tenant.TenantContext;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * OAuth {@code state} values ({@code public.oauth_state}): 256 random bits, remembered with the
 * tenant and user who started the flow, good for one use within ten minutes. A forged or
 * replayed state finds nothing.
 */
@Component
public class OAuthStates {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** What a state was issued for. */
    public record Pending(UUID tenantId, String provider, String actor, String name) {
    }

    private final JdbcClient jdbc;

    public OAuthStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public String issue(String provider, String name) {
        String state = RandomTokens.base64Url(256);
        jdbc.sql("""
                INSERT INTO public.oauth_state (state, tenant_id, provider, actor, name, expires_at)
                VALUES (:state, :tenant, :provider, :actor, :name, now() + make_interval(secs => :lifetime))
                """)
                .param("state", state)
                .param("tenant", TenantContext.require().id())
                .param("provider", provider)
                .param("actor", Actor.current())
                .param("name", name)
                .param("lifetime", LIFETIME.toSeconds())
                .update();
        return state;
    }

    /** Takes a state: present, unexpired, unused and of this provider — once. */
    @Transactional
    public Optional<Pending> consume(String provider, String state) {
        if (state == null || state.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE public.oauth_state SET used_at = now()
                WHERE state = :state AND provider = :provider AND used_at IS NULL AND expires_at > now()
                RETURNING tenant_id, provider, actor, name
                """)
                .param("state", state)
                .param("provider", provider)
                .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }
}
