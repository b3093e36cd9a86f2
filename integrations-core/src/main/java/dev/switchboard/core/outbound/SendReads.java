package dev.switchboard.core.outbound;

import dev.switchboard.core.conversation.MessageStatus;
import dev.switchboard.core.integration.StoredIntegration;
import dev.switchboard.core.support.Json;
import dev.switchboard.core.tenant.QualifiedPool;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.tenant.TenantSql;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a send reads, as one plain row: the message, its chat and its integration. Every outbound
 * message passes here; loading the three as entities (and converting their JSON columns) was the
 * largest item of a worker's time in the end-to-end profile.
 */
@Component
class SendReads {

    /**
     * An outbound message as a send needs it.
     *
     * @param behindEarlier whether an earlier message to the same chat is still queued or being sent:
     *                      this one must not overtake it
     */
    record Outgoing(UUID messageId, MessageStatus status, Instant createdAt, String text, Map<String, Object> payload,
                    UUID conversationId, String chatId, StoredIntegration integration, boolean behindEarlier) {
    }

    private static final TenantSql OUTGOING = new TenantSql("""
            SELECT m.id, m.status, m.created_at, m.text, m.payload::text AS payload, m.conversation_id, c.chat_id,
                   EXISTS (SELECT 1 FROM %1$smessage e
                           WHERE e.conversation_id = m.conversation_id AND e.direction = 'out'
                             AND e.status IN ('queued', 'sending') AND (e.created_at, e.id) < (m.created_at, m.id))
                       AS behind_earlier,
            """ + StoredIntegration.COLUMNS + """

            FROM %1$smessage m
            JOIN %1$sconversation c ON c.id = m.conversation_id
            JOIN %1$sintegration i ON i.id = m.integration_id
            WHERE m.id = :id
            """);

    private final JdbcClient jdbc;

    SendReads(QualifiedPool qualified) {
        this.jdbc = qualified.jdbc();
    }

    /**
     * One statement outside any transaction, so its tables are named with the tenant's schema:
     * a transaction of its own cost four more round trips (begin, search path, commit, reset). On
     * the {@link QualifiedPool}, which keeps its plan.
     */
    Optional<Outgoing> outgoing(TenantRef tenant, UUID messageId) {
        return jdbc.sql(OUTGOING.of(tenant))
                .param("id", messageId)
                .query((rs, n) -> {
                    String payload = rs.getString("payload");
                    return new Outgoing(rs.getObject("id", UUID.class), MessageStatus.fromWireName(rs.getString("status")),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("text"),
                            payload == null ? Map.of() : Json.readMap(payload), rs.getObject("conversation_id", UUID.class),
                            rs.getString("chat_id"), StoredIntegration.read(rs), rs.getBoolean("behind_earlier"));
                })
                .optional();
    }
}
