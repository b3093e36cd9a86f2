package dev.switchboard.app.api.bookings;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.app.api.PageResponse;
import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Client;
import dev.switchboard.app.booking.BookingModel.HistoryEntry;
import dev.switchboard.app.booking.BookingModel.Item;
import dev.switchboard.app.booking.BookingModel.Manager;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.app.booking.BookingService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Venues, their managers, and bookings confirmed in chat (API.md, Bookings). */
@RestController
class BookingController {

    record NewVenue(@NotBlank @Size(max = 200) String name, @NotBlank String kind, @NotBlank String managerLanguage,
                    @NotBlank String timezone, @Min(15) @Max(86400) Integer defaultDurationMinutes,
                    UUID whatsappIntegrationId, UUID telegramIntegrationId, UUID calendarIntegrationId,
                    Map<String, Object> managerTemplates) {
    }

    record NewManager(@NotBlank @Size(max = 200) String name, @Size(max = 20) String phone, @Size(max = 20) String telegramChatId) {
    }

    record PreorderLine(@NotBlank @Size(max = 200) String item, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    record NewBooking(@NotNull UUID venueId, @NotNull OffsetDateTime startsAt, Integer durationMinutes,
                      @NotNull @Min(1) @Max(500) Integer partySize, @Size(max = 100) String tableLabel,
                      @Size(max = 2000) String notes, @Size(max = 50) List<@Valid PreorderLine> preorder) {
    }

    record Reject(@Size(max = 500) String reason) {
    }

    record ManagerView(UUID id, String name, String phone, String telegramChatId, String inviteLink) {
        static ManagerView of(Manager m, String link) {
            return new ManagerView(m.id(), m.name(), m.phone(), m.telegramChatId(), link);
        }
    }

    record CreatedBooking(UUID id, String code, String status, BookingService.Links links) {
    }

    record BookingView(UUID id, UUID venueId, String code, String status, Instant startsAt, int durationMinutes,
                       int partySize, String tableLabel, String notes, List<Item> preorder, Client client,
                       String decidedBy, String rejectReason, String calendarEventId, List<HistoryEntry> history) {
        static BookingView of(BookingService.Details details) {
            Booking b = details.booking();
            return new BookingView(b.id(), b.venueId(), b.code(), b.status().name(), b.startsAt(), b.durationMinutes(),
                    b.partySize(), b.tableLabel(), b.notes(), b.items(), details.client(), b.decidedBy(), b.rejectReason(),
                    b.calendarEventId(), details.history());
        }
    }

    /** A booking in a list: as {@link BookingView}, without the history. */
    record BookingSummary(UUID id, UUID venueId, String code, String status, Instant startsAt, int durationMinutes,
                          int partySize, String tableLabel, String notes, List<Item> preorder, Client client,
                          String decidedBy, String rejectReason, Instant createdAt) {
        static BookingSummary of(BookingService.Listed listed) {
            Booking b = listed.booking();
            return new BookingSummary(b.id(), b.venueId(), b.code(), b.status().name(), b.startsAt(), b.durationMinutes(),
                    b.partySize(), b.tableLabel(), b.notes(), b.items(), listed.client(), b.decidedBy(), b.rejectReason(),
                    b.createdAt());
        }
    }

    private final BookingService bookings;

    BookingController(BookingService bookings) {
        this.bookings = bookings;
    }

    @PostMapping("/api/v1/venues")
    @ResponseStatus(HttpStatus.CREATED)
    Venue createVenue(@Valid @RequestBody NewVenue v) {
        ApiTenant.require();
        return bookings.createVenue(new BookingService.NewVenue(v.name(), v.kind(), v.managerLanguage(), v.timezone(),
                v.defaultDurationMinutes(), v.whatsappIntegrationId(), v.telegramIntegrationId(), v.calendarIntegrationId(),
                v.managerTemplates()));
    }

    @GetMapping("/api/v1/venues")
    List<Venue> venues() {
        ApiTenant.require();
        return bookings.venues();
    }

    @GetMapping("/api/v1/venues/{id}")
    Venue venue(@PathVariable UUID id) {
        ApiTenant.require();
        return bookings.venue(id);
    }

    @PostMapping("/api/v1/venues/{id}/managers")
    @ResponseStatus(HttpStatus.CREATED)
    ManagerView addManager(@PathVariable UUID id, @Valid @RequestBody NewManager m) {
        ApiTenant.require();
        BookingService.AddedManager added = bookings.addManager(id, m.name(), m.phone(), m.telegramChatId());
        return ManagerView.of(added.manager(), added.inviteLink());
    }

    @GetMapping("/api/v1/venues/{id}/managers")
    List<ManagerView> managers(@PathVariable UUID id) {
        ApiTenant.require();
        return bookings.managers(id).stream().map(m -> ManagerView.of(m, null)).toList();
    }

    @PostMapping("/api/v1/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedBooking create(@Valid @RequestBody NewBooking b) {
        ApiTenant.require();
        BookingService.Created created = bookings.createBooking(new BookingService.NewBooking(b.venueId(),
                b.startsAt().toInstant(), b.durationMinutes(), b.partySize(), b.tableLabel(), b.notes(),
                b.preorder() == null ? List.of() : b.preorder().stream().map(l -> new Item(l.item(), l.quantity())).toList()));
        return new CreatedBooking(created.booking().id(), created.booking().code(), created.booking().status().name(),
                created.links());
    }

    /** Pending ones soonest visit first, decided ones latest decision first, all of them newest first. */
    @GetMapping("/api/v1/bookings")
    PageResponse<BookingSummary> list(@RequestParam(required = false) String status,
                                      @RequestParam(required = false) UUID venueId,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        ApiTenant.require();
        return PageResponse.of(bookings.list(status, venueId, page, size), BookingSummary::of);
    }

    @GetMapping("/api/v1/bookings/{id}")
    BookingView get(@PathVariable UUID id) {
        ApiTenant.require();
        return BookingView.of(bookings.details(id));
    }

    @PostMapping("/api/v1/bookings/{id}/approve")
    BookingView approve(@PathVariable UUID id) {
        ApiTenant.require();
        return BookingView.of(bookings.approve(id));
    }

    @PostMapping("/api/v1/bookings/{id}/reject")
    BookingView reject(@PathVariable UUID id, @Valid @RequestBody(required = false) Reject reject) {
        ApiTenant.require();
        return BookingView.of(bookings.reject(id, reject == null ? null : reject.reason()));
    }
}
