package dev.switchboard.channel.calendar.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * What incremental sync has seen of a calendar ({@code calendar_event}) and where it stands
 * ({@code calendar_sync}), in the tenant's schema; every method runs in a tenant transaction.
 */
@Transactional
public class CalendarSyncStore {

    /** An event as sync last saw it; {@code cancelled} ones are kept so a deletion is visible. */
    public record SyncedEvent(String eventId, String status, String summary, Instant startsAt, Instant endsAt,
                              Instant updated) {
    }

    private final JdbcClient jdbc;

    public CalendarSyncStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> syncToken(UUID integrationId, String calendarId) {
        return jdbc.sql("SELECT sync_token FROM calendar_sync WHERE integration_id = :id AND calendar_id = :calendar")
                .param("id", integrationId).param("calendar", calendarId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(t -> t);
    }

    public void saveSyncToken(UUID integrationId, String calendarId, String syncToken, boolean full) {
        jdbc.sql("""
                INSERT INTO calendar_sync AS s (integration_id, calendar_id, sync_token, synced_at, full_syncs)
                VALUES (:id, :calendar, :token, now(), :full)
                ON CONFLICT (integration_id, calendar_id) DO UPDATE
                SET sync_token = excluded.sync_token, synced_at = now(), full_syncs = s.full_syncs + excluded.full_syncs
                """)
                .param("id", integrationId).param("calendar", calendarId).param("token", syncToken)
                .param("full", full ? 1 : 0)
                .update();
    }

    /** A full sync starts over: what was cached is dropped. */
    public void clear(UUID integrationId, String calendarId) {
        jdbc.sql("DELETE FROM calendar_event WHERE integration_id = :id AND calendar_id = :calendar")
                .param("id", integrationId).param("calendar", calendarId).update();
    }

    public void upsert(UUID integrationId, String calendarId, SyncedEvent event) {
        jdbc.sql("""
                INSERT INTO calendar_event (integration_id, calendar_id, event_id, status, summary, starts_at, ends_at, updated)
                VALUES (:id, :calendar, :event, :status, :summary, :starts, :ends, :updated)
                ON CONFLICT (integration_id, calendar_id, event_id) DO UPDATE
                SET status = excluded.status, summary = coalesce(excluded.summary, calendar_event.summary),
                    starts_at = coalesce(excluded.starts_at, calendar_event.starts_at),
                    ends_at = coalesce(excluded.ends_at, calendar_event.ends_at), updated = excluded.updated,
                    synced_at = now()
                """)
                .param("id", integrationId).param("calendar", calendarId).param("event", event.eventId())
                .param("status", event.status()).param("summary", event.summary())
                .param("starts", timestamp(event.startsAt())).param("ends", timestamp(event.endsAt()))
                .param("updated", timestamp(event.updated()))
                .update();
    }

    @Transactional(readOnly = true)
    public List<SyncedEvent> synced(UUID integrationId) {
        return jdbc.sql("""
                SELECT event_id, status, summary, starts_at, ends_at, updated FROM calendar_event
                WHERE integration_id = :id ORDER BY starts_at NULLS LAST, event_id
                """)
                .param("id", integrationId)
                .query((rs, n) -> new SyncedEvent(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        instant(rs, 5), instant(rs, 6)))
                .list();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
