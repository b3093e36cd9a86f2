package dev.switchboard.core.conversation;

import static dev.switchboard.core.support.SqlArrays.texts;
import static dev.switchboard.core.support.SqlArrays.uuids;

import dev.switchboard.core.channel.InboundMessage;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds or creates the contacts and conversations messages belong to, race-free (upserts on their
 * natural keys), many at once: a group of webhooks costs the same three statements as one. Rows
 * are written in key order, so two writers never wait on each other's rows crosswise. Runs in the
 * caller's tenant transaction.
 */
@Component
@Transactional
public class ConversationWriter {

    /** A contact's or a conversation's natural key: the integration and the provider's id (sender or chat). */
    public record Key(UUID integrationId, String externalId) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::integrationId).thenComparing(Key::externalId);
    }

    /**
     * How an upsert of {@code contact AS c} treats a contact that exists: it refreshes what the
     * provider now says of the person, and leaves the row alone (not rewritten) when nothing
     * changed. Shared with the single-statement ingest ({@code InboundInsert}).
     */
    public static final String REFRESH_CHANGED_CONTACT = """
            ON CONFLICT (integration_id, external_id) DO UPDATE
            SET display_name = coalesce(excluded.display_name, c.display_name),
                username = coalesce(excluded.username, c.username),
                phone = coalesce(excluded.phone, c.phone),
                language = coalesce(excluded.language, c.language),
                updated_at = now()
            WHERE (coalesce(excluded.display_name, c.display_name), coalesce(excluded.username, c.username),
                   coalesce(excluded.phone, c.phone), coalesce(excluded.language, c.language))
                  IS DISTINCT FROM (c.display_name, c.username, c.phone, c.language)
            """;

    private final JdbcClient jdbc;

    public ConversationWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The contact for a sender, refreshing name, username, phone and language when they changed. */
    public UUID contact(UUID integrationId, InboundMessage.Sender sender) {
        Key key = new Key(integrationId, sender.externalId());
        return contacts(Map.of(key, sender)).get(key);
    }

    /** The conversation of a chat, marked as having a message now. */
    public UUID conversation(UUID integrationId, UUID contactId, String chatId) {
        Key key = new Key(integrationId, chatId);
        return conversations(Map.of(key, contactId)).get(key);
    }

    /**
     * The contacts of many senders: one upsert that refreshes only what changed (an unchanged
     * contact is not rewritten, nor locked), then one read of every id.
     */
    public Map<Key, UUID> contacts(Map<Key, InboundMessage.Sender> senders) {
        List<Key> keys = senders.keySet().stream().sorted(Key.ORDER).toList();
        jdbc.sql("""
                INSERT INTO contact AS c (id, integration_id, external_id, display_name, username, phone, language)
                SELECT * FROM unnest(:ids, :integrations, :externals, :names, :usernames, :phones, :languages)
                """ + REFRESH_CHANGED_CONTACT)
                .param("ids", uuids(keys.stream().map(k -> UUID.randomUUID()).toList()))
                .param("integrations", uuids(keys.stream().map(Key::integrationId).toList()))
                .param("externals", texts(keys.stream().map(Key::externalId).toList()))
                .param("names", texts(keys.stream().map(k -> senders.get(k).displayName()).toList()))
                .param("usernames", texts(keys.stream().map(k -> senders.get(k).username()).toList()))
                .param("phones", texts(keys.stream().map(k -> senders.get(k).phone()).toList()))
                .param("languages", texts(keys.stream().map(k -> senders.get(k).language()).toList()))
                .update();
        Map<Key, UUID> ids = new HashMap<>();
        jdbc.sql("""
                SELECT c.id, c.integration_id, c.external_id
                FROM contact c JOIN unnest(:integrations, :externals) AS k (integration_id, external_id)
                     USING (integration_id, external_id)
                """)
                .param("integrations", uuids(keys.stream().map(Key::integrationId).toList()))
                .param("externals", texts(keys.stream().map(Key::externalId).toList()))
                .query((rs, n) -> ids.put(new Key(rs.getObject(2, UUID.class), rs.getString(3)), rs.getObject(1, UUID.class)))
                .list();
        return ids;
    }

    /** The conversations of many chats (chat key → its contact), each marked as having a message now. */
    public Map<Key, UUID> conversations(Map<Key, UUID> contactByChat) {
        List<Key> keys = contactByChat.keySet().stream().sorted(Key.ORDER).toList();
        Map<Key, UUID> ids = new HashMap<>();
        jdbc.sql("""
                INSERT INTO conversation AS c (id, integration_id, contact_id, chat_id, last_message_at)
                SELECT k.id, k.integration_id, k.contact_id, k.chat_id, clock_timestamp()
                FROM unnest(:ids, :integrations, :contacts, :chats) AS k (id, integration_id, contact_id, chat_id)
                ON CONFLICT (integration_id, chat_id) DO UPDATE SET last_message_at = excluded.last_message_at
                RETURNING id, integration_id, chat_id
                """)
                .param("ids", uuids(keys.stream().map(k -> UUID.randomUUID()).toList()))
                .param("integrations", uuids(keys.stream().map(Key::integrationId).toList()))
                .param("contacts", uuids(keys.stream().map(contactByChat::get).toList()))
                .param("chats", texts(keys.stream().map(Key::externalId).toList()))
                .query((rs, n) -> ids.put(new Key(rs.getObject(2, UUID.class), rs.getString(3)), rs.getObject(1, UUID.class)))
                .list();
        return ids;
    }

    public void touch(UUID conversationId) {
        jdbc.sql("UPDATE conversation SET last_message_at = now() WHERE id = :id").param("id", conversationId).update();
    }
}
