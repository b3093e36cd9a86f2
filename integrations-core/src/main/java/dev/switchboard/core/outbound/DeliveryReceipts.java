package dev.switchboard.core.outbound;

import dev.switchboard.core.channel.DeliveryReceipt;
import dev.switchboard.core.conversation.ConversationSignals;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies providers' delivery receipts to outbound messages. Status only moves forward
 * (sent → delivered → read); a receipt for a message whose send is not recorded yet is kept and
 * applied when it is. Runs in the caller's tenant transaction.
 */
@Component
@Transactional
public class DeliveryReceipts {

    private final JdbcClient jdbc;
    private final ConversationSignals signals;

    public DeliveryReceipts(JdbcClient jdbc, ConversationSignals signals) {
        this.jdbc = jdbc;
        this.signals = signals;
    }

    /** @return false when the receipt is a redelivery */
    public boolean record(UUID integrationId, DeliveryReceipt receipt) {
        String status = receipt.status().name().toLowerCase(Locale.ROOT);
        int inserted = jdbc.sql("""
                INSERT INTO delivery_receipt (integration_id, dedup_key, provider_message_id, status, error, occurred_at)
                VALUES (:integration, :key, :providerId, :status, :error, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("integration", integrationId)
                .param("key", receipt.dedupKey())
                .param("providerId", receipt.providerMessageId())
                .param("status", status)
                .param("error", receipt.error())
                .param("at", Timestamp.from(receipt.at() == null ? Instant.now() : receipt.at()))
                .update();
        if (inserted == 0) {
            return false;
        }
        applyPending(integrationId, receipt.providerMessageId());
        return true;
    }

    /** Applies every pending receipt for one provider message id, in the order they happened. */
    public void applyPending(UUID integrationId, String providerMessageId) {
        jdbc.sql("""
                WITH applied AS (
                    UPDATE delivery_receipt r SET applied = true
                    FROM message m
                    WHERE r.integration_id = :integration AND r.provider_message_id = :providerId AND NOT r.applied
                      AND m.integration_id = r.integration_id AND m.provider_message_id = r.provider_message_id
                      AND m.direction = 'out'
                    RETURNING r.status, r.error, r.occurred_at
                ), best AS (
                    SELECT max(CASE status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 END) AS rank,
                           bool_or(status = 'failed') AS failed,
                           max(error) FILTER (WHERE status = 'failed') AS error,
                           max(occurred_at) FILTER (WHERE status = 'delivered') AS delivered_at,
                           max(occurred_at) FILTER (WHERE status = 'read') AS read_at
                    FROM applied
                )
                UPDATE message m SET
                    status = CASE
                        WHEN best.failed AND m.status IN ('sent', 'sending', 'queued') THEN 'failed'
                        WHEN best.rank = 3 AND m.status IN ('sent', 'delivered') THEN 'read'
                        WHEN best.rank = 2 AND m.status = 'sent' THEN 'delivered'
                        ELSE m.status END,
                    error = CASE WHEN best.failed THEN coalesce(best.error, 'failed') ELSE m.error END,
                    delivered_at = coalesce(m.delivered_at, best.delivered_at,
                                            CASE WHEN best.rank = 3 THEN best.read_at END),
                    read_at = coalesce(m.read_at, best.read_at),
                    updated_at = now()
                FROM best
                WHERE m.integration_id = :integration AND m.provider_message_id = :providerId AND m.direction = 'out'
                  AND (best.rank IS NOT NULL OR best.failed)
                RETURNING m.conversation_id
                """)
                .param("integration", integrationId)
                .param("providerId", providerMessageId)
                .query(UUID.class)
                .list()
                .forEach(signals::changed);
    }
}
