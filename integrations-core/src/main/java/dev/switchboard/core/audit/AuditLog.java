package dev.switchboard.core.audit;

import dev.switchboard.core.support.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: the tenant's own ({@code audit_log} in its schema) and the platform's
 * ({@code public.platform_audit}). Entries name the actor, the action and the object; details
 * never hold a secret value (callers pass names and types, not credentials).
 */
@Component
@Transactional
public class AuditLog {

    public record Entry(Instant at, String actor, String action, String objectType, String objectId,
                        Map<String, Object> details) {
    }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action on an object of the tenant in context. */
    public void record(String action, String objectType, Object objectId, Map<String, Object> details) {
        jdbc.sql("""
                INSERT INTO audit_log (actor, action, object_type, object_id, details)
                VALUES (:actor, :action, :type, :id, :details::jsonb)
                """)
                .param("actor", Actor.current())
                .param("action", action)
                .param("type", objectType)
                .param("id", objectId == null ? null : objectId.toString())
                .param("details", Json.write(details == null ? Map.of() : details))
                .update();
    }

    /** Records a platform-level action (tenants, keys). */
    public void recordPlatform(String action, String object, Map<String, Object> details) {
        jdbc.sql("INSERT INTO public.platform_audit (actor, action, object, details) VALUES (:actor, :action, :object, :details::jsonb)")
                .param("actor", Actor.current())
                .param("action", action)
                .param("object", object)
                .param("details", Json.write(details == null ? Map.of() : details))
                .update();
    }

    @Transactional(readOnly = true)
    public List<Entry> recent(int limit) {
        return jdbc.sql("SELECT at, actor, action, object_type, object_id, details::text AS details FROM audit_log "
                        + "ORDER BY at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                        Json.readMap(rs.getString("details"))))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Entry> recentPlatform(int limit) {
        return jdbc.sql("SELECT at, actor, action, object, details::text AS details FROM public.platform_audit "
                        + "ORDER BY at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Entry(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("action"), "platform", rs.getString("object"), Json.readMap(rs.getString("details"))))
                .list();
    }
}
