package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** RFC 3339 timestamps as the Calendar API reads and writes them. */
final class Rfc3339 {

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private Rfc3339() {
    }

    /**
     * A timestamp with an offset; empty when it is not one. A space where the offset's '+'
     * belongs is read as '+' (a client that forgot to percent-encode the query).
     */
    static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim().replace(' ', '+')).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code 2025-03-01T16:00:00.123Z}: how Google writes created/updated. */
    static String millisUtc(Instant instant) {
        return MILLIS_UTC.format(instant);
    }

    /** {@code 2025-03-01T19:00:00+03:00}, or {@code ...Z} in UTC: how Google writes event times. */
    static String inZone(Instant instant, ZoneId zone) {
        return SECONDS_OFFSET.format(instant.atZone(zone));
    }

    /** {@code Tue, 19 Nov 2013 01:13:52 GMT}: the X-Goog-Channel-Expiration format. */
    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }
}
