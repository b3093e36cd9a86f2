package dev.switchboard.app.booking;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Client;
import dev.switchboard.app.booking.BookingModel.Manager;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.conversation.Message;
import dev.switchboard.core.outbound.NewOutbound;
import dev.switchboard.core.outbound.OutboundMessages;
import dev.switchboard.core.support.ConflictException;
import dev.switchboard.core.support.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the booking flow says to whom, queued in the caller's transaction: managers get the
 * request with Approve / Reject / Contact buttons (numbered lines where a channel has none) on
 * the venue's WhatsApp when their phone is known, else on Telegram (and on the other one when the
 * first fails, see {@code BookingJob}); guests get answers in their language.
 */
@Component
class BookingNotifications {

    private static final Logger log = LoggerFactory.getLogger(BookingNotifications.class);

    record Route(UUID integrationId, String chatId) {
    }

    private final OutboundMessages outbound;
    private final BookingMessages messages;
    private final ButtonPayloads payloads;
    private final BookingStore store;

    BookingNotifications(OutboundMessages outbound, BookingMessages messages, ButtonPayloads payloads, BookingStore store) {
        this.outbound = outbound;
        this.messages = messages;
        this.payloads = payloads;
        this.store = store;
    }

    /** The request to every manager of the venue; returns how many could be reached. */
    int requestToManagers(Venue venue, Booking booking, Client client) {
        int reached = 0;
        for (Manager manager : store.managers(venue.id())) {
            if (request(venue, booking, client, manager, null)) {
                reached++;
            }
        }
        return reached;
    }

    /** The request to one manager, avoiding {@code avoid} (a channel that already failed). */
    boolean request(Venue venue, Booking booking, Client client, Manager manager, UUID avoid) {
        Optional<Route> route = route(venue, manager, avoid);
        if (route.isEmpty()) {
            return false;
        }
        String lang = venue.managerLanguage();
        List<OutboundMessage.Button> buttons = new java.util.ArrayList<>(List.of(
                new OutboundMessage.Button(payloads.payload(booking.code(), ButtonPayloads.Action.APPROVE),
                        messages.text(lang, "button.approve")),
                new OutboundMessage.Button(payloads.payload(booking.code(), ButtonPayloads.Action.REJECT),
                        messages.text(lang, "button.reject"))));
        String contact = contactLink(client);
        if (contact != null) {
            buttons.add(new OutboundMessage.Button("contact", messages.text(lang, "button.contact"), contact));
        }
        NewOutbound request = new NewOutbound(route.get().integrationId(), route.get().chatId(),
                messages.managerRequest(venue, booking, client), null, null, null, buttons, null);
        Object template = venue.managerTemplates().get(lang);
        if (template != null && route.get().integrationId().equals(venue.whatsappIntegrationId())) {
            request = request.withTemplate(new OutboundMessage.Template(template.toString(), Map.of(
                    "1", venue.name(), "2", messages.when(venue, booking, lang), "3", Integer.toString(booking.partySize()),
                    "4", client == null || client.name() == null ? "" : client.name())));
        }
        Optional<Message> sent = send(request);
        sent.ifPresent(m -> store.notice(booking.id(), manager.id(), route.get().integrationId(), route.get().chatId(), m.getId()));
        return sent.isPresent();
    }

    void toManagers(Venue venue, String text, UUID exceptManager) {
        for (Manager manager : store.managers(venue.id())) {
            if (!manager.id().equals(exceptManager)) {
                route(venue, manager, null).ifPresent(r -> send(NewOutbound.text(r.integrationId(), r.chatId(), text)));
            }
        }
    }

    void toGuest(Booking booking, String text) {
        if (booking.claimedIntegrationId() != null) {
            send(NewOutbound.text(booking.claimedIntegrationId(), booking.claimedChatId(), text));
        }
    }

    void reply(UUID integrationId, String chatId, String text) {
        send(NewOutbound.text(integrationId, chatId, text));
    }

    static String contactLink(Client client) {
        if (client != null && client.phone() != null) {
            return "https://wa.me/" + client.phone().replaceAll("\\D", "");
        }
        return client != null && client.telegramChatId() != null ? "tg://user?id=" + client.telegramChatId() : null;
    }

    /** WhatsApp when the manager has a phone and the venue a number, else Telegram; never {@code avoid}. */
    static Optional<Route> route(Venue venue, Manager manager, UUID avoid) {
        if (manager.phone() != null && venue.whatsappIntegrationId() != null && !venue.whatsappIntegrationId().equals(avoid)) {
            return Optional.of(new Route(venue.whatsappIntegrationId(), manager.phone()));
        }
        if (manager.telegramChatId() != null && venue.telegramIntegrationId() != null
                && !venue.telegramIntegrationId().equals(avoid)) {
            return Optional.of(new Route(venue.telegramIntegrationId(), manager.telegramChatId()));
        }
        return Optional.empty();
    }

    private Optional<Message> send(NewOutbound message) {
        try {
            return Optional.of(outbound.enqueueInCurrentTransaction(message));
        } catch (ConflictException | NotFoundException | dev.switchboard.core.channel.InvalidInputException e) {
            log.warn("booking message not queued integration={}: {}", message.integrationId(), e.getMessage());
            return Optional.empty();
        }
    }
}
