package dev.switchboard.core.conversation;

import dev.switchboard.core.channel.InboundMessage;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds or creates the contact and conversation a message belongs to, race-free (upserts on
 * their natural keys). Runs in the caller's tenant transaction.
 */
@Component
@Transactional
public class ConversationWriter {

    private final JdbcClient jdbc;

    public ConversationWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The contact for a sender, refreshing name, username, phone and language when they changed. */
    public UUID contact(UUID integrationId, InboundMessage.Sender sender) {
        return jdbc.sql("""
                INSERT INTO contact AS c (id, integration_id, external_id, display_name, username, phone, language)
                VALUES (:id, :integration, :external, :name, :username, :phone, :language)
                ON CONFLICT (integration_id, external_id) DO UPDATE
                SET display_name = coalesce(excluded.display_name, c.display_name),
                    username = coalesce(excluded.username, c.username),
                    phone = coalesce(excluded.phone, c.phone),
                    language = coalesce(excluded.language, c.language),
                    updated_at = now()
                WHERE (coalesce(excluded.display_name, c.display_name), coalesce(excluded.username, c.username),
                       coalesce(excluded.phone, c.phone), coalesce(excluded.language, c.language))
                      IS DISTINCT FROM (c.display_name, c.username, c.phone, c.language)
                RETURNING id
                """)
                .param("id", UUID.randomUUID())
                .param("integration", integrationId)
                .param("external", sender.externalId())
                .param("name", sender.displayName())
                .param("username", sender.username())
                .param("phone", sender.phone())
                .param("language", sender.language())
                .query(UUID.class)
                .optional()
                .orElseGet(() -> jdbc.sql("SELECT id FROM contact WHERE integration_id = :integration AND external_id = :external")
                        .param("integration", integrationId)
                        .param("external", sender.externalId())
                        .query(UUID.class)
                        .single());
    }

    /** The conversation of a chat, marked as having a message now. */
    public UUID conversation(UUID integrationId, UUID contactId, String chatId) {
        return jdbc.sql("""
                INSERT INTO conversation AS c (id, integration_id, contact_id, chat_id, last_message_at)
                VALUES (:id, :integration, :contact, :chat, :now)
                ON CONFLICT (integration_id, chat_id) DO UPDATE SET last_message_at = excluded.last_message_at
                RETURNING id
                """)
                .param("id", UUID.randomUUID())
                .param("integration", integrationId)
                .param("contact", contactId)
                .param("chat", chatId)
                .param("now", new Timestamp(System.currentTimeMillis()))
                .query(UUID.class)
                .single();
    }

    public void touch(UUID conversationId) {
        jdbc.sql("UPDATE conversation SET last_message_at = now() WHERE id = :id").param("id", conversationId).update();
    }
}
