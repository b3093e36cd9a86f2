package dev.switchboard.app.ui;

import java.util.List;

/**
 * One column of the Bookings page: the first cards of one status and how many there are in all.
 *
 * @param status a booking status, lower case: the column's id and style
 */
public record BookingColumn(String status, String title, String empty, List<BookingCard> cards, long total) {

    public boolean more() {
        return total > cards.size();
    }
}
