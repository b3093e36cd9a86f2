package dev.switchboard.app.booking;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Status;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.core.calendar.CalendarProvider;
import dev.switchboard.core.calendar.CalendarProviders;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.queue.WorkHandler;
import dev.switchboard.core.queue.WorkItem;
import dev.switchboard.core.queue.WorkQueue;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a booking's calendar event in step with its status, on the work queue: approved → the
 * event exists (created or updated under the booking's id, so a retry never makes two);
 * rejected after approval → it is cancelled. Provider failures retry with back-off.
 */
@Component
class BookingCalendar implements WorkHandler {

    static final String KIND = "booking-calendar";

    private final BookingStore store;
    private final IntegrationService integrations;
    private final CalendarProviders calendars;
    private final BookingMessages messages;
    private final WorkQueue queue;
    private final TransactionTemplate tx;

    BookingCalendar(BookingStore store, IntegrationService integrations, CalendarProviders calendars,
                    BookingMessages messages, WorkQueue queue, TransactionTemplate tx) {
        this.store = store;
        this.integrations = integrations;
        this.calendars = calendars;
        this.messages = messages;
        this.queue = queue;
        this.tx = tx;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(WorkItem item) throws ChannelException {
        Booking booking = store.booking(item.refId()).orElse(null);
        Venue venue = booking == null ? null : store.venue(booking.venueId()).orElse(null);
        if (venue == null || venue.calendarIntegrationId() == null) {
            tx.executeWithoutResult(status -> queue.complete(item));
            return;
        }
        IntegrationHandle calendar = integrations.handle(venue.calendarIntegrationId());
        CalendarProvider provider = calendars.byType(calendar.type()).orElseThrow();
        String key = "booking-" + booking.id();
        if (booking.status() == Status.APPROVED) {
            CalendarProvider.CalendarEvent event = provider.upsert(calendar, key, new CalendarProvider.EventDraft(
                    summary(venue, booking), "Booking " + booking.code(), booking.startsAt(),
                    booking.startsAt().plus(Duration.ofMinutes(booking.durationMinutes())), venue.timezone()));
            tx.executeWithoutResult(status -> {
                store.calendarEvent(booking.id(), event.id());
                queue.complete(item);
            });
        } else {
            provider.cancel(calendar, key);
            tx.executeWithoutResult(status -> queue.complete(item));
        }
    }

    private String summary(Venue venue, Booking booking) {
        String what = booking.tableLabel() == null ? venue.name() : booking.tableLabel();
        String preorder = booking.items().isEmpty() ? "" : " · " + messages.items(booking.items());
        return what + " — " + booking.partySize() + " guests (" + booking.code() + ")" + preorder;
    }
}
