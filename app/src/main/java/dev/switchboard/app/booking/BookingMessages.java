package dev.switchboard.app.booking;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Client;
import dev.switchboard.app.booking.BookingModel.Item;
import dev.switchboard.app.booking.BookingModel.Venue;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The texts of the booking flow, from the resource bundles {@code booking/messages} (English,
 * Russian, Ukrainian), with dates and times in the venue's time zone, formatted for the language.
 */
@Component
class BookingMessages {

    static final Set<String> LANGUAGES = Set.of("en", "ru", "uk");

    String text(String language, String key, Object... args) {
        Locale locale = locale(language);
        return new MessageFormat(ResourceBundle.getBundle("booking/messages", locale).getString(key), locale).format(args);
    }

    /** The manager's notification: venue, table, when, how many, who, notes, pre-order. */
    String managerRequest(Venue venue, Booking booking, Client client) {
        String lang = venue.managerLanguage();
        boolean hotel = "hotel".equals(venue.kind());
        StringBuilder text = new StringBuilder(text(lang, "manager.title", venue.name()));
        if (booking.tableLabel() != null) {
            line(text, lang, hotel ? "label.room" : "label.table", booking.tableLabel());
        }
        if (hotel) {
            line(text, lang, "label.checkin", date(venue, booking, lang));
            line(text, lang, "label.nights", Integer.toString(Math.max(1, booking.durationMinutes() / 1440)));
        } else {
            line(text, lang, "label.date", date(venue, booking, lang) + ", " + time(venue, booking, lang));
        }
        line(text, lang, "label.guests", Integer.toString(booking.partySize()));
        line(text, lang, "label.client", describe(client));
        if (booking.notes() != null && !booking.notes().isBlank()) {
            line(text, lang, "label.notes", booking.notes());
        }
        if (!booking.items().isEmpty()) {
            line(text, lang, "label.preorder", items(booking.items()));
        }
        return text.toString();
    }

    /** "1 March 2030, 19:00" (or the check-in date for a hotel), in the venue's zone and the given language. */
    String when(Venue venue, Booking booking, String language) {
        return "hotel".equals(venue.kind()) ? date(venue, booking, language)
                : date(venue, booking, language) + ", " + time(venue, booking, language);
    }

    String items(List<Item> items) {
        return items.stream().map(i -> i.item() + " × " + i.quantity()).collect(Collectors.joining(", "));
    }

    static String languageOf(String requested, String fallback) {
        if (requested != null) {
            String base = requested.toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (LANGUAGES.contains(base)) {
                return base;
            }
        }
        return fallback;
    }

    private static String describe(Client client) {
        if (client == null) {
            return "—";
        }
        String name = client.name() == null ? "" : client.name();
        String reach = client.phone() != null ? client.phone() : "Telegram";
        return (name + " " + reach).trim();
    }

    private void line(StringBuilder text, String lang, String label, String value) {
        text.append('\n').append(text(lang, label)).append(": ").append(value);
    }

    private static String date(Venue venue, Booking booking, String lang) {
        return local(venue, booking).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(lang)));
    }

    private static String time(Venue venue, Booking booking, String lang) {
        return local(venue, booking).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale(lang)));
    }

    private static ZonedDateTime local(Venue venue, Booking booking) {
        return booking.startsAt().atZone(ZoneId.of(venue.timezone()));
    }

    private static Locale locale(String language) {
        return Locale.forLanguageTag(languageOf(language, "en"));
    }
}
