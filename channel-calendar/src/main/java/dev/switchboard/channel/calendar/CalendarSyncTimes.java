package dev.switchboard.channel.calendar;

import com.google.api.services.calendar.model.EventDateTime;
import java.time.Instant;

/** Google's event times (a date-time, or a date for all-day events) as instants. */
final class CalendarSyncTimes {

    private CalendarSyncTimes() {
    }

    static Instant instant(EventDateTime time) {
        if (time == null) {
            return null;
        }
        if (time.getDateTime() != null) {
            return Instant.ofEpochMilli(time.getDateTime().getValue());
        }
        return time.getDate() == null ? null : Instant.ofEpochMilli(time.getDate().getValue());
    }
}
