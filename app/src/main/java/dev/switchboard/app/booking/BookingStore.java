package dev.switchboard.app.booking;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Client;
import dev.switchboard.app.booking.BookingModel.HistoryEntry;
import dev.switchboard.app.booking.BookingModel.Item;
import dev.switchboard.app.booking.BookingModel.Manager;
import dev.switchboard.app.booking.BookingModel.Status;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.core.support.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The bookings tables of the tenant in context. Every method joins or opens a tenant transaction. */
@Component
@Transactional
class BookingStore {

    /** The list's filters: a status, a venue, each optional. */
    private static final String FILTER = "(CAST(:status AS text) IS NULL OR status = :status) "
            + "AND (CAST(:venue AS uuid) IS NULL OR venue_id = :venue)";

    private final JdbcClient jdbc;

    BookingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- venues and managers

    void insertVenue(Venue v) {
        jdbc.sql("""
                INSERT INTO venue (id, name, kind, manager_language, timezone, default_duration_minutes,
                    whatsapp_integration_id, telegram_integration_id, calendar_integration_id, manager_templates)
                VALUES (:id, :name, :kind, :language, :tz, :duration, :wa, :tg, :cal, :templates::jsonb)
                """)
                .param("id", v.id()).param("name", v.name()).param("kind", v.kind()).param("language", v.managerLanguage())
                .param("tz", v.timezone()).param("duration", v.defaultDurationMinutes())
                .param("wa", v.whatsappIntegrationId()).param("tg", v.telegramIntegrationId())
                .param("cal", v.calendarIntegrationId()).param("templates", Json.write(v.managerTemplates()))
                .update();
    }

    Optional<Venue> venue(UUID id) {
        return jdbc.sql("SELECT * FROM venue WHERE id = :id").param("id", id).query(BookingStore::mapVenue).optional();
    }

    List<Venue> venues() {
        return jdbc.sql("SELECT * FROM venue ORDER BY created_at").query(BookingStore::mapVenue).list();
    }

    void insertManager(Manager m) {
        jdbc.sql("""
                INSERT INTO manager (id, venue_id, name, phone, telegram_chat_id, invite_code, invite_expires_at)
                VALUES (:id, :venue, :name, :phone, :chat, :code, :expires)
                """)
                .param("id", m.id()).param("venue", m.venueId()).param("name", m.name()).param("phone", m.phone())
                .param("chat", m.telegramChatId()).param("code", m.inviteCode())
                .param("expires", m.inviteExpiresAt() == null ? null : Timestamp.from(m.inviteExpiresAt()))
                .update();
    }

    List<Manager> managers(UUID venueId) {
        return jdbc.sql("SELECT * FROM manager WHERE venue_id = :venue ORDER BY created_at").param("venue", venueId)
                .query(BookingStore::mapManager).list();
    }

    /** Binds an invite to a Telegram chat, once, before it expires. */
    Optional<Manager> acceptInvite(String code, String chatId) {
        return jdbc.sql("""
                UPDATE manager SET telegram_chat_id = :chat, invite_code = NULL, invite_expires_at = NULL
                WHERE invite_code = :code AND invite_expires_at > now() RETURNING *
                """)
                .param("chat", chatId).param("code", code).query(BookingStore::mapManager).optional();
    }

    // ---- clients

    /** The client of a phone (WhatsApp) or a Telegram chat, created or refreshed. */
    Client client(String phone, String telegramChatId, String name, String language) {
        String key = phone != null ? "phone" : "telegram_chat_id";
        return jdbc.sql("INSERT INTO client AS c (id, name, phone, telegram_chat_id, language) "
                        + "VALUES (:id, :name, :phone, :chat, :language) ON CONFLICT (" + key + ") DO UPDATE "
                        + "SET name = coalesce(excluded.name, c.name), language = coalesce(excluded.language, c.language), "
                        + "updated_at = now() RETURNING *")
                .param("id", UUID.randomUUID()).param("name", name).param("phone", phone).param("chat", telegramChatId)
                .param("language", language)
                .query(BookingStore::mapClient).single();
    }

    Optional<Client> clientById(UUID id) {
        return jdbc.sql("SELECT * FROM client WHERE id = :id").param("id", id).query(BookingStore::mapClient).optional();
    }

    /** The clients of a page of bookings, by id, in one query. */
    Map<UUID, Client> clients(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM client WHERE id IN (:ids)").param("ids", ids).query(BookingStore::mapClient)
                .list().stream().collect(Collectors.toMap(Client::id, Function.identity()));
    }

    // ---- bookings

    void insertBooking(Booking b) {
        jdbc.sql("""
                INSERT INTO booking (id, venue_id, code, status, starts_at, duration_minutes, party_size, table_label, notes)
                VALUES (:id, :venue, :code, 'DRAFT', :starts, :duration, :party, :table, :notes)
                """)
                .param("id", b.id()).param("venue", b.venueId()).param("code", b.code())
                .param("starts", Timestamp.from(b.startsAt())).param("duration", b.durationMinutes())
                .param("party", b.partySize()).param("table", b.tableLabel()).param("notes", b.notes())
                .update();
        for (int i = 0; i < b.items().size(); i++) {
            jdbc.sql("INSERT INTO booking_item (booking_id, position, item, quantity) VALUES (:id, :pos, :item, :qty)")
                    .param("id", b.id()).param("pos", i).param("item", b.items().get(i).item())
                    .param("qty", b.items().get(i).quantity()).update();
        }
        history(b.id(), null, Status.DRAFT, "api", null);
    }

    Optional<Booking> booking(UUID id) {
        return jdbc.sql("SELECT * FROM booking WHERE id = :id").param("id", id).query(this::mapBooking).optional();
    }

    Optional<Booking> bookingByCode(String code) {
        return jdbc.sql("SELECT * FROM booking WHERE code = :code").param("code", code).query(this::mapBooking).optional();
    }

    /**
     * One page of bookings, of one status and one venue when given: a draft or a pending booking
     * soonest visit first (what needs an answer first), a decided one latest decision first, all of
     * them newest first.
     */
    List<Booking> bookings(Status status, UUID venueId, int page, int size) {
        return jdbc.sql("SELECT * FROM booking WHERE " + FILTER + " ORDER BY " + orderOf(status)
                        + " LIMIT :limit OFFSET :offset")
                .param("status", status == null ? null : status.name()).param("venue", venueId)
                .param("limit", size).param("offset", (long) page * size)
                .query(this::mapBooking).list();
    }

    long countBookings(Status status, UUID venueId) {
        return jdbc.sql("SELECT count(*) FROM booking WHERE " + FILTER)
                .param("status", status == null ? null : status.name()).param("venue", venueId)
                .query(Long.class).single();
    }

    private static String orderOf(Status status) {
        if (status == null) {
            return "created_at DESC, id";
        }
        return switch (status) {
            case DRAFT, PENDING -> "starts_at, id";
            // updated_at is last set by the decision: nothing after it touches the row's status
            case APPROVED, REJECTED -> "updated_at DESC, id";
        };
    }

    /** DRAFT → PENDING with its client, if still a draft; empty when someone claimed it first. */
    Optional<Booking> claim(UUID id, UUID clientId, UUID integrationId, String chatId) {
        return jdbc.sql("""
                UPDATE booking SET status = 'PENDING', client_id = :client, claimed_integration_id = :integration,
                    claimed_chat_id = :chat, updated_at = now()
                WHERE id = :id AND status = 'DRAFT' RETURNING *
                """)
                .param("id", id).param("client", clientId).param("integration", integrationId).param("chat", chatId)
                .query(this::mapBooking).optional();
    }

    /** PENDING → APPROVED/REJECTED (or APPROVED → REJECTED), once: empty when the decision was already made. */
    Optional<Booking> decide(UUID id, Status from, Status to, String actor, String reason) {
        return jdbc.sql("""
                UPDATE booking SET status = :to, decided_by = :actor, reject_reason = :reason, updated_at = now()
                WHERE id = :id AND status = :from RETURNING *
                """)
                .param("id", id).param("from", from.name()).param("to", to.name()).param("actor", actor)
                .param("reason", reason)
                .query(this::mapBooking).optional();
    }

    void calendarEvent(UUID id, String eventId) {
        jdbc.sql("UPDATE booking SET calendar_event_id = :event WHERE id = :id").param("event", eventId).param("id", id)
                .update();
    }

    List<Booking> pendingUnreminded(Instant olderThan) {
        return jdbc.sql("SELECT * FROM booking WHERE status = 'PENDING' AND reminded_at IS NULL AND updated_at < :before")
                .param("before", Timestamp.from(olderThan)).query(this::mapBooking).list();
    }

    boolean markReminded(UUID id) {
        return jdbc.sql("UPDATE booking SET reminded_at = now() WHERE id = :id AND reminded_at IS NULL").param("id", id)
                .update() == 1;
    }

    void history(UUID bookingId, Status from, Status to, String actor, String note) {
        jdbc.sql("INSERT INTO booking_history (booking_id, from_status, to_status, actor, note) VALUES (:id, :from, :to, :actor, :note)")
                .param("id", bookingId).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actor", actor).param("note", note).update();
    }

    List<HistoryEntry> history(UUID bookingId) {
        return jdbc.sql("SELECT at, from_status, to_status, actor, note FROM booking_history WHERE booking_id = :id ORDER BY id")
                .param("id", bookingId)
                .query((rs, n) -> new HistoryEntry(instant(rs, "at"), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    // ---- notices to managers

    void notice(UUID bookingId, UUID managerId, UUID integrationId, String chatId, UUID messageId) {
        jdbc.sql("""
                INSERT INTO booking_notice (id, booking_id, manager_id, integration_id, chat_id, message_id)
                VALUES (:id, :booking, :manager, :integration, :chat, :message)
                """)
                .param("id", UUID.randomUUID()).param("booking", bookingId).param("manager", managerId)
                .param("integration", integrationId).param("chat", chatId).param("message", messageId).update();
    }

    /** The booking a manager's chat was last asked about (what a numbered reply answers). */
    Optional<UUID> lastNoticeBooking(UUID integrationId, String chatId) {
        // by the chat's digits: we address a WhatsApp manager as +E164, the reply comes from 7900…@c.us or whatsapp:+7900…
        return jdbc.sql("""
                SELECT booking_id FROM booking_notice
                WHERE integration_id = :integration AND regexp_replace(chat_id, '\\D', '', 'g') = :digits
                  AND sent_at > now() - interval '7 days' ORDER BY sent_at DESC LIMIT 1
                """)
                .param("integration", integrationId).param("digits", chatId.replaceAll("@.*$", "").replaceAll("\\D", ""))
                .query(UUID.class).optional();
    }

    record FailedNotice(UUID id, UUID bookingId, UUID managerId, UUID integrationId, String error) {
    }

    /** Notices whose message failed with a template-window error and were not yet sent another way. */
    List<FailedNotice> failedNotices() {
        return jdbc.sql("""
                SELECT n.id, n.booking_id, n.manager_id, n.integration_id, m.error FROM booking_notice n
                JOIN message m ON m.id = n.message_id
                WHERE m.status = 'failed' AND NOT n.fallback_done
                """)
                .query((rs, n) -> new FailedNotice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5)))
                .list();
    }

    void fallbackDone(UUID noticeId) {
        jdbc.sql("UPDATE booking_notice SET fallback_done = true WHERE id = :id").param("id", noticeId).update();
    }

    // ---- mapping

    private static Venue mapVenue(ResultSet rs, int n) throws SQLException {
        return new Venue(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
                rs.getString("manager_language"), rs.getString("timezone"), rs.getInt("default_duration_minutes"),
                rs.getObject("whatsapp_integration_id", UUID.class), rs.getObject("telegram_integration_id", UUID.class),
                rs.getObject("calendar_integration_id", UUID.class), Json.readMap(rs.getString("manager_templates")));
    }

    private static Manager mapManager(ResultSet rs, int n) throws SQLException {
        return new Manager(rs.getObject("id", UUID.class), rs.getObject("venue_id", UUID.class), rs.getString("name"),
                rs.getString("phone"), rs.getString("telegram_chat_id"), rs.getString("invite_code"),
                instant(rs, "invite_expires_at"));
    }

    private static Client mapClient(ResultSet rs, int n) throws SQLException {
        return new Client(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("phone"),
                rs.getString("telegram_chat_id"), rs.getString("language"));
    }

    private Booking mapBooking(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Item> items = jdbc.sql("SELECT item, quantity FROM booking_item WHERE booking_id = :id ORDER BY position")
                .param("id", id).query((r, i) -> new Item(r.getString(1), r.getInt(2))).list();
        return new Booking(id, rs.getObject("venue_id", UUID.class), rs.getString("code"),
                Status.valueOf(rs.getString("status")), instant(rs, "starts_at"), rs.getInt("duration_minutes"),
                rs.getInt("party_size"), rs.getString("table_label"), rs.getString("notes"),
                rs.getObject("client_id", UUID.class), rs.getObject("claimed_integration_id", UUID.class),
                rs.getString("claimed_chat_id"), rs.getString("decided_by"), rs.getString("reject_reason"),
                rs.getString("calendar_event_id"), instant(rs, "created_at"), items);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
