package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Google account: its calendars, the first of which is the primary one (id = email). */
final class Account {

    final String email;
    final String subject;
    final Map<String, StoredCalendar> calendars = new LinkedHashMap<>();
    /** Bumped by invalidateSyncTokens: older sync tokens answer 410. */
    long syncGeneration;

    Account(String email, String subject, ZoneId zone, String resourceId, Instant now) {
        this.email = email;
        this.subject = subject;
        calendars.put(email, new StoredCalendar(email, email, email, zone, true, resourceId, now));
    }

    StoredCalendar primary() {
        return calendars.get(email);
    }

    /** Resolves {@code primary} and the account's own calendar ids; null for anything else. */
    StoredCalendar calendar(String calendarId) {
        if ("primary".equals(calendarId)) {
            return primary();
        }
        return calendarId == null ? null : calendars.get(calendarId.toLowerCase(java.util.Locale.ROOT));
    }
}
