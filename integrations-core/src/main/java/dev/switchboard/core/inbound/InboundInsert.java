package dev.switchboard.core.inbound;

import static dev.switchboard.core.support.SqlArrays.longs;
import static dev.switchboard.core.support.SqlArrays.texts;
import static dev.switchboard.core.support.SqlArrays.uuids;

import dev.switchboard.core.channel.InboundMessage;
import dev.switchboard.core.conversation.ConversationWriter;
import dev.switchboard.core.conversation.MessageStatus;
import dev.switchboard.core.integration.IntegrationCounters;
import dev.switchboard.core.queue.WorkDispatcher;
import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.queue.WorkKinds;
import dev.switchboard.core.support.Json;
import dev.switchboard.core.tenant.QualifiedPool;
import dev.switchboard.core.tenant.TenantRef;
import dev.switchboard.core.tenant.TenantSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a group of inbound messages with one statement: their contacts and conversations
 * (upserted in the order every writer locks them), the messages, their work items and the
 * integrations' counters, in one data-modifying CTE. Step by step this took seven statements per
 * group, and PostgreSQL's time per webhook was nearly all per-statement overhead (parse, plan,
 * round trip), not the writes themselves. It stands alone, committed when it returns, on the
 * {@link QualifiedPool}, where PostgreSQL keeps its plan (planning it took 0.9 ms a call).
 *
 * <p>It writes the work queue's and the counters' tables directly, which is the point of it; their
 * owners ({@code WorkQueue}, {@code IntegrationCounters}) hold the same statements one at a time.
 * The work items are written due, or leased to a worker of this node reserved for them.
 *
 * <p>The group comes as array parameters (a poll's messages, or what the JVM retries) or as inbox
 * rows, which the statement reads itself. The planner cannot know how many messages the rows
 * hold (it guesses a hundred a row), and for a group it thinks large it hashed every message and
 * contact of the tenant to find the group's few: the lookups in the tenant's tables are lateral
 * subqueries with a {@code LIMIT}, which it can only run as one index probe per message.
 *
 * <p>A message it does not store is one already stored (a redelivery) or, rarely, one whose new
 * contact another transaction created after this statement's snapshot (the upsert then returns
 * nothing for it and the snapshot does not show it); {@link InboundStore} stores those step by step.
 */
@Component
class InboundInsert {

    /** The group as array parameters, one element per message. */
    private static final String FROM_PARAMETERS = """
            WITH arrival AS (
                SELECT *, NULL::bigint AS inbox_id
                FROM unnest(:ids, :integrations, :externals, :providerIds, :kinds, :texts, :payloads,
                            :senders, :names, :usernames, :phones, :languages, :chats, :contactIds,
                            :conversationIds, :receivedAts) WITH ORDINALITY
                     AS a (id, integration_id, external_id, provider_message_id, kind, text, payload, sender_id,
                           display_name, username, phone, language, chat_id, new_contact_id, new_conversation_id,
                           received_at, n)
            """;

    /**
     * The group as inbox rows: their messages read from the JSON the rows keep
     * ({@link InboxEvents}: the records' field names, the kind's constant name), in PostgreSQL.
     * Read into the JVM and sent back as arrays, they cost the inbox mover a fifth of its time in
     * Jackson and another in the driver escaping the arrays' text.
     */
    private static final String FROM_INBOX = """
            WITH arrival AS MATERIALIZED (
                SELECT gen_random_uuid() AS id, i.integration_id, m ->> 'dedupKey' AS external_id,
                       m ->> 'providerMessageId' AS provider_message_id, lower(m ->> 'kind') AS kind, m ->> 'text' AS text,
                       m -> 'payload' AS payload, m #>> '{sender,externalId}' AS sender_id,
                       m #>> '{sender,displayName}' AS display_name, m #>> '{sender,username}' AS username,
                       m #>> '{sender,phone}' AS phone, m #>> '{sender,language}' AS language, m ->> 'chatId' AS chat_id,
                       gen_random_uuid() AS new_contact_id, gen_random_uuid() AS new_conversation_id, i.received_at,
                       row_number() OVER (ORDER BY i.id, e.k) AS n, i.id AS inbox_id
                FROM public.inbox i
                     CROSS JOIN LATERAL jsonb_array_elements(i.events::jsonb -> 'messages') WITH ORDINALITY AS e (m, k)
                WHERE i.id = ANY(:inboxIds)
            """;

    /** {@code %1$s}: the tenant's schema qualifier. Follows the {@code arrival} of one of the above. */
    private static final String STORE = """
            ), fresh AS ( -- probed one by one (see the class comment)
                SELECT a.* FROM arrival a
                     LEFT JOIN LATERAL (SELECT true AS found FROM %1$smessage m
                                        WHERE m.integration_id = a.integration_id AND m.external_id = a.external_id
                                        LIMIT 1) earlier ON true
                WHERE earlier.found IS NULL
            ), sender AS ( -- the latest profile of each sender in the group
                SELECT DISTINCT ON (integration_id, sender_id) *
                FROM fresh ORDER BY integration_id, sender_id, n DESC
            ), upserted_contact AS (
                INSERT INTO %1$scontact AS c (id, integration_id, external_id, display_name, username, phone, language)
                SELECT new_contact_id, integration_id, sender_id, display_name, username, phone, language
                FROM sender ORDER BY integration_id, sender_id
            """ + ConversationWriter.REFRESH_CHANGED_CONTACT + """
                RETURNING c.id, c.integration_id, c.external_id
            ), contact_of AS ( -- changed or new (returned), or unchanged (read)
                SELECT id, integration_id, external_id FROM upserted_contact
                UNION ALL
                SELECT c.id, c.integration_id, c.external_id
                FROM sender s CROSS JOIN LATERAL (SELECT c.id, c.integration_id, c.external_id FROM %1$scontact c
                                                  WHERE c.integration_id = s.integration_id AND c.external_id = s.sender_id
                                                  LIMIT 1) c -- probed one by one
                WHERE NOT EXISTS (SELECT 1 FROM upserted_contact u
                                  WHERE u.integration_id = c.integration_id AND u.external_id = c.external_id)
            ), chat AS ( -- a new conversation belongs to the first sender of the group in it
                SELECT DISTINCT ON (f.integration_id, f.chat_id) f.integration_id, f.chat_id, f.new_conversation_id,
                       co.id AS contact_id
                FROM fresh f JOIN contact_of co ON co.integration_id = f.integration_id AND co.external_id = f.sender_id
                ORDER BY f.integration_id, f.chat_id, f.n
            ), conversation_of AS (
                INSERT INTO %1$sconversation AS c (id, integration_id, contact_id, chat_id, last_message_at)
                SELECT new_conversation_id, integration_id, contact_id, chat_id, clock_timestamp()
                FROM chat ORDER BY integration_id, chat_id
                ON CONFLICT (integration_id, chat_id) DO UPDATE SET last_message_at = excluded.last_message_at
                RETURNING c.id, c.integration_id, c.chat_id
            ), stored AS (
                INSERT INTO %1$smessage (id, conversation_id, integration_id, direction, external_id, provider_message_id,
                                     kind, text, payload, status, created_at, updated_at)
                SELECT f.id, co.id, f.integration_id, 'in', f.external_id, f.provider_message_id, f.kind, f.text,
                       f.payload::jsonb, :received, coalesce(f.received_at::timestamptz, clock_timestamp()),
                       clock_timestamp()
                FROM fresh f JOIN conversation_of co ON co.integration_id = f.integration_id AND co.chat_id = f.chat_id
                ORDER BY f.n
                ON CONFLICT (integration_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
                RETURNING id, conversation_id, integration_id
            ), queued AS (
                INSERT INTO public.work_item (tenant_id, kind, ref_id, run_at, lease_owner, attempts)
                SELECT :tenant, :kind, id, now() + make_interval(secs => :leaseSeconds), :owner, :attempts FROM stored
                RETURNING id, ref_id, attempts, created_at
            ), counted AS (
            """ + IntegrationCounters.upsert("%1$sintegration_counter",
                    "SELECT integration_id, :shard, count(*), 0, now() FROM stored GROUP BY integration_id ORDER BY integration_id")
            + """
            ), outcome AS (
                SELECT s.id, s.conversation_id, f.inbox_id, q.id AS item_id, q.attempts, q.created_at AS item_created_at
                FROM stored s JOIN queued q ON q.ref_id = s.id JOIN fresh f ON f.id = s.id
            )
            """;

    private static final String STORED = "SELECT * FROM outcome";

    /**
     * Every stored message, and how many distinct messages were not stored before the statement
     * ({@code fresh}); one row of nulls but {@code fresh} when none was stored.
     */
    private static final String STORED_OF_FRESH = """
            SELECT o.*, x.fresh
            FROM (SELECT count(*) AS fresh FROM (SELECT DISTINCT integration_id, external_id FROM fresh) k) x
                 LEFT JOIN outcome o ON true
            """;

    private static final TenantSql STORE_PARAMETERS = new TenantSql(FROM_PARAMETERS + STORE + STORED);
    private static final TenantSql STORE_INBOX_ROWS = new TenantSql(FROM_INBOX + STORE + STORED_OF_FRESH);

    /** A message to store, of an integration, received at a time (null: now). */
    record Row(UUID integrationId, InboundMessage message, Instant receivedAt) {
    }

    /** A stored message, its conversation and its work item. */
    record Stored(UUID messageId, UUID conversationId, WorkItem item) {
    }

    /** A message stored from an inbox row. */
    record FromInbox(long inboxId, Stored message) {
    }

    /**
     * What storing inbox rows did.
     *
     * @param fresh how many distinct messages of the rows were not stored before
     */
    record Moved(List<FromInbox> stored, long fresh) {

        /** Whether it left a message that was not stored before (a contact created meanwhile, rarely). */
        boolean leftSome() {
            return stored.size() < fresh;
        }
    }

    private final JdbcClient jdbc;

    InboundInsert(QualifiedPool pool) {
        this.jdbc = pool.jdbc();
    }

    /**
     * @param ids   the id each row's message gets if it is stored
     * @param lease the worker of this node the work items are written leased to; null: written due
     * @return the stored messages, by id
     */
    Map<UUID, Stored> insert(TenantRef tenant, List<Row> rows, List<UUID> ids, WorkDispatcher.Reservation lease) {
        Map<UUID, Stored> stored = new HashMap<>();
        Items items = new Items(tenant, lease);
        items.bind(jdbc.sql(STORE_PARAMETERS.of(tenant)))
                .param("ids", uuids(ids))
                .param("integrations", uuids(column(rows, Row::integrationId)))
                .param("externals", texts(column(rows, r -> r.message().dedupKey())))
                .param("providerIds", texts(column(rows, r -> r.message().providerMessageId())))
                .param("kinds", texts(column(rows, r -> r.message().kind().wireName())))
                .param("texts", texts(column(rows, r -> r.message().text())))
                .param("payloads", texts(column(rows, r -> Json.write(r.message().payload()))))
                .param("senders", texts(column(rows, r -> r.message().sender().externalId())))
                .param("names", texts(column(rows, r -> r.message().sender().displayName())))
                .param("usernames", texts(column(rows, r -> r.message().sender().username())))
                .param("phones", texts(column(rows, r -> r.message().sender().phone())))
                .param("languages", texts(column(rows, r -> r.message().sender().language())))
                .param("chats", texts(column(rows, r -> r.message().chatId())))
                .param("contactIds", uuids(column(rows, r -> UUID.randomUUID())))
                .param("conversationIds", uuids(column(rows, r -> UUID.randomUUID())))
                .param("receivedAts", texts(column(rows, r -> text(r.receivedAt()))))
                .query((rs, n) -> stored.put(rs.getObject("id", UUID.class), items.stored(rs)))
                .list();
        return stored;
    }

    /** The statement storing inbox rows of a tenant (for its plan's test). */
    static String fromInbox(TenantRef tenant) {
        return STORE_INBOX_ROWS.of(tenant);
    }

    /**
     * Stores the messages of inbox rows of the tenant, read from the rows by the statement itself.
     *
     * @param lease the worker of this node the work items are written leased to; null: written due
     */
    Moved insertFromInbox(TenantRef tenant, List<Long> inboxIds, WorkDispatcher.Reservation lease) {
        Items items = new Items(tenant, lease);
        List<FromInbox> stored = new ArrayList<>();
        long[] fresh = new long[1];
        items.bind(jdbc.sql(fromInbox(tenant)))
                .param("inboxIds", longs(inboxIds))
                .query(rs -> {
                    fresh[0] = rs.getLong("fresh");
                    if (rs.getObject("id") != null) {
                        stored.add(new FromInbox(rs.getLong("inbox_id"), items.stored(rs)));
                    }
                });
        return new Moved(stored, fresh[0]);
    }

    /** The work items the statement writes: due, or leased to a reserved worker of this node. */
    private record Items(TenantRef tenant, String owner, long leaseEnds, double leaseSeconds) {

        Items(TenantRef tenant, WorkDispatcher.Reservation lease) {
            this(tenant, lease == null ? null : lease.owner(),
                    System.nanoTime() + (lease == null ? 0 : lease.lease().toNanos()),
                    lease == null ? 0.0 : lease.lease().toMillis() / 1000.0);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement
                    .param("received", MessageStatus.RECEIVED.wireName())
                    .param("tenant", tenant.id())
                    .param("kind", WorkKinds.INBOUND)
                    .param("shard", IntegrationCounters.anyShard())
                    .param("owner", owner, Types.VARCHAR) // typed: no metadata round trip
                    .param("attempts", owner == null ? 0 : 1)
                    .param("leaseSeconds", leaseSeconds);
        }

        /** A row of {@code outcome}. */
        Stored stored(ResultSet rs) throws SQLException {
            UUID messageId = rs.getObject("id", UUID.class);
            WorkItem item = new WorkItem(rs.getLong("item_id"), tenant.id(), WorkKinds.INBOUND, messageId,
                    rs.getInt("attempts"), owner, rs.getObject("item_created_at", OffsetDateTime.class).toInstant(),
                    leaseEnds);
            return new Stored(messageId, rs.getObject("conversation_id", UUID.class), item);
        }
    }

    /** A time as a {@code text[]} element PostgreSQL reads as {@code timestamptz}. */
    static String text(Instant time) {
        return time == null ? null : time.toString();
    }

    private static <T> List<T> column(List<Row> rows, Function<Row, T> value) {
        return rows.stream().map(value).toList();
    }
}
