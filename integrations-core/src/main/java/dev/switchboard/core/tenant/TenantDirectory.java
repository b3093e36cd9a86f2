package dev.switchboard.core.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Looks tenants up by id or slug, with a small cache: the hot paths (worker, webhooks) ask often. */
@Component
public class TenantDirectory {

    private final JdbcClient jdbc;
    private final Cache<UUID, TenantRef> byId = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    public TenantDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TenantRef> byId(UUID id) {
        TenantRef cached = byId.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TenantRef> found = jdbc.sql("SELECT id, slug FROM public.tenant WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new TenantRef(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
        found.ifPresent(t -> byId.put(id, t));
        return found;
    }

    public Optional<TenantRef> bySlug(String slug) {
        if (!TenantRef.isValidSlug(slug)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, slug FROM public.tenant WHERE slug = :slug")
                .param("slug", slug)
                .query((rs, n) -> new TenantRef(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    }

    public List<TenantRef> all() {
        return jdbc.sql("SELECT id, slug FROM public.tenant ORDER BY created_at")
                .query((rs, n) -> new TenantRef(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    public void forget(UUID id) {
        byId.invalidate(id);
    }
}
