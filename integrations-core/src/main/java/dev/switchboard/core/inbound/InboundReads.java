package dev.switchboard.core.inbound;

import dev.switchboard.core.agent.AgentRequest;
import dev.switchboard.core.support.Json;
import dev.switchboard.core.support.SqlArrays;
import dev.switchboard.core.tenant.QualifiedPool;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.tenant.TenantSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What processing an inbound message reads, as plain rows: the message with its conversation and
 * integration in one statement, and the conversation's recent turns. Every message passes here;
 * loading it as entities cost three statements and a JSON round trip of its payload at each
 * flush. Each read is one statement on the {@link QualifiedPool}, outside the caller's transaction
 * (which reads without locking anyway): on the main pool, whose connections move between tenants,
 * PostgreSQL planned it again on every call.
 */
@Component
class InboundReads {

    /**
     * An inbound message and where it belongs.
     *
     * @param behindEarlier whether an earlier message of its conversation, not among those read with
     *                      it, still waits to be handled: this one must not overtake it
     */
    record InboundRow(UUID messageId, String direction, String kind, String text, Map<String, Object> payload,
                      String externalId, String providerMessageId, Instant createdAt, UUID conversationId,
                      UUID contactId, String chatId, String mode, UUID integrationId, String integrationType,
                      boolean behindEarlier) {

        AgentRequest.Turn turn() {
            return new AgentRequest.Turn(direction, kind, text, createdAt);
        }
    }

    private static final int HISTORY = 20;

    private final JdbcClient jdbc;

    InboundReads(QualifiedPool qualified) {
        this.jdbc = qualified.jdbc();
    }

    /** How many of the latest earlier messages of a conversation the order check looks at. */
    static final int NEAREST_EARLIER = 16;

    /**
     * A message waits behind the earlier messages of its conversation from the last day whose work
     * items remain, unless they failed three times: a message that keeps failing must not silence
     * its conversation. Only the {@value #NEAREST_EARLIER} latest earlier messages are looked at:
     * messages are handled in order, so while an earlier one waits, so does every later one, up to
     * the latest; looking further would make each read cost as much as the conversation's whole
     * day (an index probe of the queue per message). Each is looked up in the queue by itself, a
     * subquery the planner cannot turn into a scan of the whole queue; its kind is compared in the
     * "C" collation, as the index for it is defined ({@code V10__inbound_ref_index.sql}), so that no
     * other index of the queue can serve it, even in a plan made while the queue was empty.
     */
    static final TenantSql ROWS = new TenantSql("""
            SELECT m.id, m.direction, m.kind, m.text, m.payload::text AS payload, m.external_id,
                   m.provider_message_id, m.created_at, c.id AS conversation_id, c.contact_id, c.chat_id, c.mode,
                   i.id AS integration_id, i.type AS integration_type,
                   EXISTS (SELECT 1 FROM (SELECT e.id FROM %1$smessage e
                                          WHERE e.conversation_id = m.conversation_id AND e.direction = 'in'
                                            AND e.created_at > now() - interval '1 day'
                                            AND (e.created_at, e.id) < (m.created_at, m.id) AND e.id <> ALL (:ids)
                                          ORDER BY e.created_at DESC
                                          LIMIT\s""" + NEAREST_EARLIER + """
                                          ) nearest
                           WHERE (SELECT true FROM public.work_item w
                                  WHERE w.ref_id = nearest.id AND (w.kind COLLATE "C") = 'inbound'
                                    AND (w.last_error IS NULL OR w.attempts < 3)
                                  LIMIT 1))
                       AS behind_earlier
            FROM %1$smessage m
            JOIN %1$sconversation c ON c.id = m.conversation_id
            JOIN %1$sintegration i ON i.id = m.integration_id
            WHERE m.id = ANY (:ids)
            """);

    Optional<InboundRow> message(TenantRef tenant, UUID messageId) {
        return Optional.ofNullable(messages(tenant, List.of(messageId)).get(messageId));
    }

    /**
     * The messages that still exist of {@code messageIds}, by id, in one statement; none of them
     * counts as waiting ahead of another ({@link InboundRow#behindEarlier()}): the caller handles
     * them in order.
     */
    Map<UUID, InboundRow> messages(TenantRef tenant, List<UUID> messageIds) {
        Map<UUID, InboundRow> rows = new HashMap<>();
        jdbc.sql(ROWS.of(tenant))
                .param("ids", SqlArrays.uuids(messageIds))
                .query((rs, n) -> row(rs))
                .list()
                .forEach(row -> rows.put(row.messageId(), row));
        return rows;
    }

    private static final TenantSql RECENT_TURNS = new TenantSql("""
            SELECT direction, kind, text, created_at FROM (
                SELECT id, direction, kind, text, created_at FROM %1$smessage
                WHERE conversation_id = :conversation ORDER BY created_at DESC LIMIT :limit) latest
            WHERE id <> :message
            ORDER BY created_at
            """);

    /** The conversation's latest turns before {@code messageId} (of the latest {@value #HISTORY}), oldest first. */
    List<AgentRequest.Turn> recentTurns(TenantRef tenant, UUID conversationId, UUID messageId) {
        return jdbc.sql(RECENT_TURNS.of(tenant))
                .param("conversation", conversationId)
                .param("message", messageId)
                .param("limit", HISTORY)
                .query((rs, n) -> new AgentRequest.Turn(rs.getString("direction"), rs.getString("kind"),
                        rs.getString("text"), instant(rs, "created_at")))
                .list();
    }

    private static InboundRow row(ResultSet rs) throws SQLException {
        String payload = rs.getString("payload");
        return new InboundRow(rs.getObject("id", UUID.class), rs.getString("direction"), rs.getString("kind"),
                rs.getString("text"), payload == null ? null : Json.readMap(payload), rs.getString("external_id"),
                rs.getString("provider_message_id"), instant(rs, "created_at"), rs.getObject("conversation_id", UUID.class),
                rs.getObject("contact_id", UUID.class), rs.getString("chat_id"), rs.getString("mode"),
                rs.getObject("integration_id", UUID.class), rs.getString("integration_type"),
                rs.getBoolean("behind_earlier"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
