package dev.switchboard.app.booking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The bookings domain's records, as read from the tenant's tables. */
public final class BookingModel {

    private BookingModel() {
    }

    public enum Status { DRAFT, PENDING, APPROVED, REJECTED }

    public record Venue(UUID id, String name, String kind, String managerLanguage, String timezone, int defaultDurationMinutes,
                 UUID whatsappIntegrationId, UUID telegramIntegrationId, UUID calendarIntegrationId,
                 Map<String, Object> managerTemplates) {
    }

    public record Manager(UUID id, UUID venueId, String name, String phone, String telegramChatId, String inviteCode,
                   Instant inviteExpiresAt) {
    }

    public record Client(UUID id, String name, String phone, String telegramChatId, String language) {
    }

    public record Item(String item, int quantity) {
    }

    public record HistoryEntry(Instant at, String from, String to, String actor, String note) {
    }

    public record Booking(UUID id, UUID venueId, String code, Status status, Instant startsAt, int durationMinutes,
                   int partySize, String tableLabel, String notes, UUID clientId, UUID claimedIntegrationId,
                   String claimedChatId, String decidedBy, String rejectReason, String calendarEventId,
                   Instant createdAt, List<Item> items) {
    }
}
