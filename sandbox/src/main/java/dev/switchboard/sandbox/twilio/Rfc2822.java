package dev.switchboard.sandbox.twilio;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Twilio's 2010-04-01 API dates: {@code Thu, 30 Jul 2015 20:12:31 +0000}. */
final class Rfc2822 {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.US).withZone(ZoneOffset.UTC);

    private Rfc2822() {
    }

    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
