package dev.switchboard.app.booking;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Client;
import dev.switchboard.app.booking.BookingModel.Status;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.core.queue.WorkQueue;
import dev.switchboard.core.tenant.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Approving and rejecting, from a button, a numbered reply or the API: one conditional update
 * decides (two managers pressing at once make one transition), then the history, the guest's
 * answer, the other managers, and the calendar (through the work queue, idempotently).
 */
@Component
class Decisions {

    private static final Logger log = LoggerFactory.getLogger(Decisions.class);

    /** The outcome: the decision taken now, or the one that had been taken before. */
    record Outcome(boolean decided, Booking booking) {
    }

    private final BookingStore store;
    private final BookingNotifications notifications;
    private final BookingMessages messages;
    private final WorkQueue queue;

    Decisions(BookingStore store, BookingNotifications notifications, BookingMessages messages, WorkQueue queue) {
        this.store = store;
        this.notifications = notifications;
        this.messages = messages;
        this.queue = queue;
    }

    Outcome approve(Booking booking, String actor, UUID byManager) {
        return decide(booking, Status.PENDING, Status.APPROVED, actor, byManager, null);
    }

    Outcome reject(Booking booking, String actor, UUID byManager, String reason) {
        Status from = booking.status() == Status.APPROVED ? Status.APPROVED : Status.PENDING;
        return decide(booking, from, Status.REJECTED, actor, byManager, reason);
    }

    private Outcome decide(Booking booking, Status from, Status to, String actor, UUID byManager, String reason) {
        Optional<Booking> decided = store.decide(booking.id(), from, to, actor, reason);
        if (decided.isEmpty()) {
            return new Outcome(false, store.booking(booking.id()).orElseThrow());
        }
        Booking now = decided.get();
        store.history(now.id(), from, to, actor, reason);
        Venue venue = store.venue(now.venueId()).orElseThrow();
        Client client = now.clientId() == null ? null : store.clientById(now.clientId()).orElse(null);
        notifications.toGuest(now, guestText(venue, now, client, to, reason));
        notifications.toManagers(venue, messages.text(venue.managerLanguage(),
                to == Status.APPROVED ? "manager.approvedBy" : "manager.rejectedBy", now.code(), actor), byManager);
        if (venue.calendarIntegrationId() != null && (to == Status.APPROVED || now.calendarEventId() != null
                || from == Status.APPROVED)) {
            queue.enqueue(TenantContext.require().id(), BookingCalendar.KIND, now.id());
        }
        log.info("booking decided booking={} {} -> {} by={}", now.id(), from, to, actor);
        return new Outcome(true, now);
    }

    private String guestText(Venue venue, Booking booking, Client client, Status to, String reason) {
        String lang = BookingMessages.languageOf(client == null ? null : client.language(), venue.managerLanguage());
        String when = messages.when(venue, booking, lang);
        if (to == Status.APPROVED) {
            String text = messages.text(lang, "guest.approved", venue.name(), when
                    + (booking.tableLabel() == null ? "" : ", " + booking.tableLabel()));
            return booking.items().isEmpty() ? text : text + "\n" + messages.text(lang, "guest.preorder",
                    messages.items(booking.items()));
        }
        String text = messages.text(lang, "guest.rejected", venue.name(), when);
        return reason == null || reason.isBlank() ? text : text + "\n" + messages.text(lang, "guest.rejectedReason", reason);
    }

    /** What the loser of a race (or a second press) is told: "already approved by Ann". */
    String already(Venue venue, Booking booking) {
        String lang = venue.managerLanguage();
        return messages.text(lang, "manager.already", booking.code(), messages.text(lang, "status." + booking.status()),
                booking.decidedBy() == null ? "?" : booking.decidedBy());
    }
}
