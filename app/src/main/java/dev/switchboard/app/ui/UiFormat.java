package dev.switchboard.app.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times as the pages show them ({@code ${@uiFormat.ago(t)}}): relative for a glance, UTC in full on hover. */
@Component("uiFormat")
public class UiFormat {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM").withZone(ZoneOffset.UTC);

    public String full(Instant at) {
        return at == null ? "" : FULL.format(at);
    }

    public String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** 16:05 today, 24 Nov before. */
    public String clock(Instant at) {
        if (at == null) {
            return "";
        }
        boolean today = at.atZone(ZoneOffset.UTC).toLocalDate().equals(Instant.now().atZone(ZoneOffset.UTC).toLocalDate());
        return today ? CLOCK.format(at) : DAY.format(at) + " " + CLOCK.format(at);
    }

    public String ago(Instant at) {
        if (at == null) {
            return "never";
        }
        Duration age = Duration.between(at, Instant.now());
        if (age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 24) {
            return age.toHours() + " h ago";
        }
        return age.toDays() == 1 ? "yesterday" : age.toDays() + " days ago";
    }
}
