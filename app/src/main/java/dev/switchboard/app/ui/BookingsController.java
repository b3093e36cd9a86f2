package dev.switchboard.app.ui;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Status;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.app.booking.BookingService;
import dev.switchboard.core.support.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Bookings page: pending, approved and rejected bookings side by side, drafts apart, with
 * Approve and Reject on the pending ones. Decisions go through {@link BookingService}, as a
 * manager's button in chat does, so the guest and the managers are told the same way; the UI
 * user is the decision's actor. A booking someone decided first is a notice, not an error.
 */
@Controller
@RequestMapping("/bookings")
class BookingsController {

    static final int COLUMN_SIZE = 50;
    static final int MAX_REASON = 500;

    private final BookingService bookings;

    BookingsController(BookingService bookings) {
        this.bookings = bookings;
    }

    /** The Reject form of one card: the reason kept, with why it was not accepted. */
    public record RejectState(UUID id, String reason, String error) {
        static RejectState none() {
            return new RejectState(null, "", null);
        }
    }

    /** @param venue show only this venue's bookings */
    @GetMapping
    String page(@RequestParam(required = false) UUID venue, Model model) {
        UiTenant.require();
        List<Venue> venues = bookings.venues();
        Map<UUID, Venue> byId = venues.stream().collect(Collectors.toMap(Venue::id, Function.identity()));
        model.addAttribute("venues", venues);
        model.addAttribute("venue", venue);
        model.addAttribute("columns", List.of(
                column(Status.PENDING, "Pending", "Nothing waits for an answer.", venue, byId),
                column(Status.APPROVED, "Approved", "No approved booking yet.", venue, byId),
                column(Status.REJECTED, "Rejected", "No rejected booking.", venue, byId)));
        model.addAttribute("drafts", column(Status.DRAFT, "Awaiting the guest", "", venue, byId));
        if (!model.containsAttribute("rejecting")) {
            model.addAttribute("rejecting", RejectState.none());
        }
        return "bookings";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(required = false) UUID venue, RedirectAttributes redirect) {
        UiTenant.require();
        try {
            Booking approved = bookings.approve(id).booking();
            redirect.addFlashAttribute("notice", "Booking " + approved.code()
                    + " is approved: the guest and the venue's managers were told.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", decidedBefore(id));
        }
        return back(venue);
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(required = false) UUID venue, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        UiTenant.require();
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            bookings.details(id);
            response.setStatus(422);
            model.addAttribute("rejecting", new RejectState(id, reason, "must be at most " + MAX_REASON
                    + " characters (it has " + why.length() + ")"));
            return page(venue, model);
        }
        try {
            Booking rejected = bookings.rejectPending(id, why.isEmpty() ? null : why).booking();
            redirect.addFlashAttribute("notice", "Booking " + rejected.code() + " is rejected: the guest was told"
                    + (why.isEmpty() ? "." : ", with your reason."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", decidedBefore(id));
        }
        return back(venue);
    }

    private BookingColumn column(Status status, String title, String empty, UUID venue, Map<UUID, Venue> venues) {
        Page<BookingService.Listed> page = bookings.list(status.name(), venue, 0, COLUMN_SIZE);
        List<BookingCard> cards = page.getContent().stream()
                .map(listed -> BookingCard.of(listed, venues.get(listed.booking().venueId()))).toList();
        return new BookingColumn(status.name().toLowerCase(Locale.ROOT), title, empty, cards,
                page.getTotalElements());
    }

    /** Why nothing changed: someone decided first (a manager in chat, a colleague), or it is not pending yet. */
    private String decidedBefore(UUID id) {
        Booking now = bookings.details(id).booking();
        return switch (now.status()) {
            case APPROVED, REJECTED -> "Booking " + now.code() + " was already " + now.status().name()
                    .toLowerCase(Locale.ROOT) + " by " + (now.decidedBy() == null ? "someone else"
                    : BookingCard.person(now.decidedBy())) + ": nothing was changed.";
            case DRAFT -> "Booking " + now.code() + " is still waiting for the guest to confirm it: there is nothing "
                    + "to decide yet.";
            case PENDING -> "Booking " + now.code() + " could not be decided just now: try again.";
        };
    }

    /** To the top of the board, where the notice is; the card is in its new column already. */
    private static String back(UUID venue) {
        return "redirect:/bookings" + (venue == null ? "" : "?venue=" + venue);
    }
}
