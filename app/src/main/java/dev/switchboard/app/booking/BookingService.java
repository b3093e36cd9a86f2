package dev.switchboard.app.booking;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Client;
import dev.switchboard.app.booking.BookingModel.HistoryEntry;
import dev.switchboard.app.booking.BookingModel.Item;
import dev.switchboard.app.booking.BookingModel.Manager;
import dev.switchboard.app.booking.BookingModel.Status;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.InvalidInputException.FieldError;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.support.ConflictException;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.support.RandomTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Venues, managers and bookings for the API (and the UI): validated here, stored in the tenant's schema. */
@Service
@Transactional
public class BookingService {

    static final Duration INVITE_LIFETIME = Duration.ofDays(7);
    private static final Set<String> WHATSAPP = Set.of("greenapi", "twilio");
    private static final Set<String> WHATSAPP_NUMBER_SETTINGS = Set.of("phone", "whatsappNumber"); // Green API, Twilio

    public record NewVenue(String name, String kind, String managerLanguage, String timezone, Integer defaultDurationMinutes,
                           UUID whatsappIntegrationId, UUID telegramIntegrationId, UUID calendarIntegrationId,
                           Map<String, Object> managerTemplates) {
    }

    public record NewBooking(UUID venueId, Instant startsAt, Integer durationMinutes, int partySize, String tableLabel,
                             String notes, List<Item> preorder) {
    }

    public record Links(String whatsapp, String telegram) {
    }

    public record Created(Booking booking, Links links) {
    }

    public record Details(Booking booking, Client client, List<HistoryEntry> history) {
    }

    public record AddedManager(Manager manager, String inviteLink) {
    }

    /** A booking in a list, with its guest (null while it is a draft). */
    public record Listed(Booking booking, Client client) {
    }

    private final BookingStore store;
    private final IntegrationRepository integrations;
    private final Decisions decisions;
    private final AuditLog audit;

    BookingService(BookingStore store, IntegrationRepository integrations, Decisions decisions, AuditLog audit) {
        this.store = store;
        this.integrations = integrations;
        this.decisions = decisions;
        this.audit = audit;
    }

    public Venue createVenue(NewVenue v) {
        List<FieldError> errors = new ArrayList<>();
        if (!Set.of("restaurant", "hotel").contains(v.kind())) {
            errors.add(new FieldError("kind", "must be restaurant or hotel"));
        }
        if (!BookingMessages.LANGUAGES.contains(v.managerLanguage())) {
            errors.add(new FieldError("managerLanguage", "must be one of " + BookingMessages.LANGUAGES));
        }
        if (!ZoneId.getAvailableZoneIds().contains(v.timezone())) {
            errors.add(new FieldError("timezone", "must be a time zone such as Europe/Moscow"));
        }
        checkIntegration(errors, "whatsappIntegrationId", v.whatsappIntegrationId(), WHATSAPP);
        checkIntegration(errors, "telegramIntegrationId", v.telegramIntegrationId(), Set.of("telegram"));
        checkIntegration(errors, "calendarIntegrationId", v.calendarIntegrationId(), Set.of("google_calendar"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int duration = v.defaultDurationMinutes() == null ? ("hotel".equals(v.kind()) ? 1440 : 120) : v.defaultDurationMinutes();
        Venue venue = new Venue(UUID.randomUUID(), v.name(), v.kind(), v.managerLanguage(), v.timezone(), duration,
                v.whatsappIntegrationId(), v.telegramIntegrationId(), v.calendarIntegrationId(),
                v.managerTemplates() == null ? Map.of() : v.managerTemplates());
        store.insertVenue(venue);
        return venue;
    }

    @Transactional(readOnly = true)
    public Venue venue(UUID id) {
        return store.venue(id).orElseThrow(() -> new NotFoundException("venue " + id));
    }

    @Transactional(readOnly = true)
    public List<Venue> venues() {
        return store.venues();
    }

    @Transactional(readOnly = true)
    public List<Manager> managers(UUID venueId) {
        venue(venueId);
        return store.managers(venueId);
    }

    /** A manager with a known chat, or with an invite link that binds their Telegram chat when opened. */
    public AddedManager addManager(UUID venueId, String name, String phone, String telegramChatId) {
        Venue venue = venue(venueId);
        if (phone != null && !phone.matches("^\\+[1-9]\\d{6,14}$")) {
            throw InvalidInputException.of("phone", "must be an international number such as +79001234567");
        }
        if (telegramChatId != null && !telegramChatId.matches("^-?\\d{1,20}$")) {
            throw InvalidInputException.of("telegramChatId", "must be a Telegram chat id (a number)");
        }
        String code = telegramChatId == null && venue.telegramIntegrationId() != null ? RandomTokens.base64Url(96) : null;
        Manager manager = new Manager(UUID.randomUUID(), venueId, name, phone, telegramChatId, code,
                code == null ? null : Instant.now().plus(INVITE_LIFETIME));
        store.insertManager(manager);
        String link = code == null ? null : botLink(venue).map(bot -> bot + "?start=MANAGER_" + code).orElse(null);
        return new AddedManager(manager, link);
    }

    public Created createBooking(NewBooking request) {
        Venue venue = venue(request.venueId());
        if (request.partySize() < 1 || request.partySize() > 500) {
            throw InvalidInputException.of("partySize", "must be between 1 and 500");
        }
        int duration = request.durationMinutes() == null ? venue.defaultDurationMinutes() : request.durationMinutes();
        if (duration < 15 || duration > 60 * 24 * 60) {
            throw InvalidInputException.of("durationMinutes", "must be between 15 minutes and 60 days");
        }
        Booking booking = new Booking(UUID.randomUUID(), venue.id(), BookingCodes.next(), Status.DRAFT, request.startsAt(),
                duration, request.partySize(), request.tableLabel(), request.notes(), null, null, null, null, null, null,
                Instant.now(), request.preorder() == null ? List.of() : request.preorder());
        store.insertBooking(booking);
        return new Created(booking, links(venue, booking));
    }

    @Transactional(readOnly = true)
    public Details details(UUID id) {
        Booking booking = store.booking(id).orElseThrow(() -> new NotFoundException("booking " + id));
        Client client = booking.clientId() == null ? null : store.clientById(booking.clientId()).orElse(null);
        return new Details(booking, client, store.history(id));
    }

    /**
     * Bookings newest first, or of one status (a {@link Status} name) in the order that status is
     * worked through: drafts and pending ones by visit, soonest first; decided ones by decision,
     * latest first. An unknown venue simply has no bookings.
     */
    @Transactional(readOnly = true)
    public Page<Listed> list(String status, UUID venueId, int page, int size) {
        Status wanted = status == null || status.isBlank() ? null : status(status);
        List<Booking> found = store.bookings(wanted, venueId, page, size);
        Map<UUID, Client> clients = store.clients(found.stream().map(Booking::clientId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<Listed> listed = found.stream().map(b -> new Listed(b, b.clientId() == null ? null : clients.get(b.clientId())))
                .toList();
        return new PageImpl<>(listed, PageRequest.of(page, size), store.countBookings(wanted, venueId));
    }

    public Details approve(UUID id) {
        Booking booking = details(id).booking();
        if (booking.status() != Status.PENDING) {
            throw new ConflictException("booking " + id + " is " + booking.status() + ", not PENDING");
        }
        decided(decisions.approve(booking, Actor.current(), null), "booking.approved");
        return details(id);
    }

    /** Rejects a pending booking, or cancels an approved one. */
    public Details reject(UUID id, String reason) {
        return reject(id, reason, EnumSet.of(Status.PENDING, Status.APPROVED));
    }

    /**
     * Rejects a booking only while it waits for an answer: a Reject pressed on a pending card never
     * cancels what a manager approved in the meantime (the decision is one conditional update).
     */
    public Details rejectPending(UUID id, String reason) {
        return reject(id, reason, EnumSet.of(Status.PENDING));
    }

    private Details reject(UUID id, String reason, Set<Status> from) {
        Booking booking = details(id).booking();
        if (!from.contains(booking.status())) {
            throw new ConflictException("booking " + id + " is " + booking.status());
        }
        decided(decisions.reject(booking, Actor.current(), null, reason), "booking.rejected");
        return details(id);
    }

    private void decided(Decisions.Outcome outcome, String action) {
        if (!outcome.decided()) {
            throw new ConflictException("booking was already " + outcome.booking().status() + " by "
                    + outcome.booking().decidedBy());
        }
        audit.record(action, "booking", outcome.booking().id(), Map.of("code", outcome.booking().code()));
    }

    private static Status status(String name) {
        return Arrays.stream(Status.values()).filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("status", "must be one of "
                        + Arrays.stream(Status.values()).map(Status::name).collect(Collectors.joining(", "))));
    }

    private Links links(Venue venue, Booking booking) {
        String whatsapp = whatsappNumber(venue).map(n -> "https://wa.me/" + n + "?text=BOOKING:" + booking.code()).orElse(null);
        String telegram = botLink(venue).map(bot -> bot + "?start=BOOKING_" + booking.code()).orElse(null);
        return new Links(whatsapp, telegram);
    }

    private Optional<String> botLink(Venue venue) {
        return integration(venue.telegramIntegrationId()).map(i -> i.getSettings().get("botUsername"))
                .map(username -> "https://t.me/" + username);
    }

    /** The venue's WhatsApp number (E.164 in the channel's settings), digits only as wa.me wants it. */
    private Optional<String> whatsappNumber(Venue venue) {
        return integration(venue.whatsappIntegrationId()).flatMap(i -> i.getSettings().entrySet().stream()
                .filter(e -> WHATSAPP_NUMBER_SETTINGS.contains(e.getKey()) && e.getValue() != null)
                .map(e -> e.getValue().toString().replaceAll("\\D", ""))
                .filter(digits -> !digits.isEmpty())
                .findFirst());
    }

    private Optional<Integration> integration(UUID id) {
        return id == null ? Optional.empty() : integrations.findById(id);
    }

    private void checkIntegration(List<FieldError> errors, String field, UUID id, Set<String> types) {
        if (id != null && integrations.findById(id).filter(i -> types.contains(i.getType())).isEmpty()) {
            errors.add(new FieldError(field, "no " + String.join(" or ", types) + " integration with this id"));
        }
    }
}
