package dev.switchboard.app.ui;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Client;
import dev.switchboard.app.booking.BookingModel.Item;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.app.booking.BookingService.Listed;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One booking on the Bookings page, as a manager reads it: the visit in the venue's own time zone
 * (not the viewer's, not UTC), the guest and how to reach them, the pre-order and the notes.
 *
 * @param when      the visit's start in the venue's zone: {@code Fri 1 Mar 2030, 19:00}; a hotel's check-in date
 * @param whenIso   the same instant with the venue's offset, for {@code <time datetime>}
 * @param length    {@code 2 h}, {@code 1 h 30 min}; for a hotel {@code 3 nights}
 * @param place     the word for the table label: {@code Table}, or {@code Room} in a hotel
 * @param contact   the guest's phone, or the channel the guest wrote from; null for a draft
 * @param decidedBy who approved or rejected it: a manager's name, or the web UI user's email
 */
public record BookingCard(UUID id, String code, String status, String venue, String when, String whenIso,
                          String timezone, String length, int partySize, String place, String tableLabel,
                          String guest, String contact, String phone, List<String> preorder, String notes,
                          String decidedBy, String rejectReason) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final int NIGHT_MINUTES = 1440;
    private static final String NBSP = "\u00a0";

    static BookingCard of(Listed listed, Venue venue) {
        Booking b = listed.booking();
        Client client = listed.client();
        boolean hotel = "hotel".equals(venue.kind());
        ZonedDateTime local = b.startsAt().atZone(ZoneId.of(venue.timezone()));
        String day = DAY.format(local);
        return new BookingCard(b.id(), b.code(), b.status().name(), venue.name(),
                hotel ? day : day + ", " + CLOCK.format(local), local.toOffsetDateTime().toString(), venue.timezone(),
                hotel ? nights(b.durationMinutes()) : duration(b.durationMinutes()), b.partySize(),
                hotel ? "Room" : "Table", b.tableLabel(), client == null ? null : nameOf(client),
                client == null ? null : contactOf(client), client == null ? null : client.phone(),
                b.items().stream().map(BookingCard::line).toList(), b.notes(), person(b.decidedBy()), b.rejectReason());
    }

    /** The audit actor of a web UI user is {@code user:<email>}: the email says who it was. */
    static String person(String actor) {
        return actor != null && actor.startsWith("user:") ? actor.substring("user:".length()) : actor;
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    /** Beside the status word, never instead of it. */
    public String mark() {
        return switch (status) {
            case "PENDING" -> "\u25CC";
            case "APPROVED" -> "\u2714";
            case "REJECTED" -> "\u2716";
            default -> "\u270E";
        };
    }

    private static String nameOf(Client client) {
        return client.name() == null || client.name().isBlank() ? "Guest" : client.name();
    }

    private static String contactOf(Client client) {
        if (client.phone() != null) {
            return client.phone();
        }
        return client.telegramChatId() != null ? "Telegram" : null;
    }

    private static String line(Item item) {
        return item.item() + " \u00d7 " + item.quantity();
    }

    private static String nights(int minutes) {
        int nights = Math.max(1, minutes / NIGHT_MINUTES);
        return nights == 1 ? "1" + NBSP + "night" : nights + NBSP + "nights";
    }

    private static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + NBSP + "min";
        }
        return rest == 0 ? hours + NBSP + "h" : hours + NBSP + "h " + rest + NBSP + "min";
    }
}
