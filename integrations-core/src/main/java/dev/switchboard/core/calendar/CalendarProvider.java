package dev.switchboard.core.calendar;

import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.IntegrationHandle;
import java.time.Instant;
import java.util.List;

/**
 * What workflows and the agent need of a calendar, whoever serves it. Writes are idempotent: the
 * caller supplies a stable key (a booking id, say) and the same key always names the same event,
 * so a retry after a timeout never makes two.
 */
public interface CalendarProvider {

    /** The integration type this provider serves (e.g. {@code google_calendar}). */
    String type();

    List<CalendarEvent> events(IntegrationHandle calendar, Instant from, Instant to) throws ChannelException;

    List<BusyPeriod> freeBusy(IntegrationHandle calendar, Instant from, Instant to) throws ChannelException;

    /** Creates the event of {@code key}, or updates it when it exists. */
    CalendarEvent upsert(IntegrationHandle calendar, String key, EventDraft draft) throws ChannelException;

    /** Cancels the event of {@code key}; cancelling one that is gone is not an error. */
    void cancel(IntegrationHandle calendar, String key) throws ChannelException;

    record EventDraft(String summary, String description, Instant start, Instant end, String timeZone) {
    }

    record CalendarEvent(String id, String status, String summary, String description, Instant start, Instant end,
                         String htmlLink) {
    }

    record BusyPeriod(Instant start, Instant end) {
    }
}
