package dev.switchboard.app.booking;

import dev.switchboard.app.booking.BookingModel.Booking;
import dev.switchboard.app.booking.BookingModel.Client;
import dev.switchboard.app.booking.BookingModel.Manager;
import dev.switchboard.app.booking.BookingModel.Status;
import dev.switchboard.app.booking.BookingModel.Venue;
import dev.switchboard.core.channel.MessageKind;
import dev.switchboard.core.conversation.Contact;
import dev.switchboard.core.conversation.ContactRepository;
import dev.switchboard.core.workflow.InboundContext;
import dev.switchboard.core.workflow.Workflow;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The booking flow in chat, ahead of the agent: a guest's {@code BOOKING:<code>} (WhatsApp) or
 * {@code /start BOOKING_<code>} (Telegram) claims a draft; a manager's {@code /start MANAGER_<code>}
 * binds their chat; Approve / Reject button presses and numbered replies (1, 2, 3) decide. Every
 * refusal is answered politely, changes nothing, and is logged.
 */
@Component
class BookingWorkflow implements Workflow {

    private static final Logger log = LoggerFactory.getLogger(BookingWorkflow.class);
    private static final Pattern CLAIM = Pattern.compile("^\\s*(?:/start\\s+BOOKING_|BOOKING:\\s*)(\\S+)\\s*$");
    private static final Pattern INVITE = Pattern.compile("^\\s*/start\\s+MANAGER_(\\S+)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("^\\s*([123])\\s*$");
    private static final java.util.Set<String> WHATSAPP = java.util.Set.of("greenapi", "twilio");

    private final BookingStore store;
    private final BookingNotifications notifications;
    private final BookingMessages messages;
    private final Decisions decisions;
    private final ButtonPayloads payloads;
    private final ContactRepository contacts;

    BookingWorkflow(BookingStore store, BookingNotifications notifications, BookingMessages messages, Decisions decisions,
                    ButtonPayloads payloads, ContactRepository contacts) {
        this.store = store;
        this.notifications = notifications;
        this.messages = messages;
        this.decisions = decisions;
        this.payloads = payloads;
        this.contacts = contacts;
    }

    @Override
    public boolean handle(InboundContext context) {
        String text = context.text();
        if (text == null) {
            return false;
        }
        if (MessageKind.BUTTON.wireName().equals(context.kind()) && ButtonPayloads.looksLikeOurs(text)) {
            press(context, text);
            return true;
        }
        Matcher claim = CLAIM.matcher(text);
        if (claim.matches()) {
            claim(context, claim.group(1));
            return true;
        }
        Matcher invite = INVITE.matcher(text);
        if (invite.matches()) {
            invite(context, invite.group(1));
            return true;
        }
        Matcher number = NUMBER.matcher(text);
        if (number.matches()) {
            Optional<java.util.UUID> asked = store.lastNoticeBooking(context.integrationId(), context.chatId());
            if (asked.isPresent()) {
                numbered(context, asked.get(), Integer.parseInt(number.group(1)));
                return true;
            }
        }
        return false;
    }

    private void claim(InboundContext context, String code) {
        Contact contact = contacts.findById(context.contactId()).orElse(null);
        String guestLanguage = contact == null ? null : contact.getLanguage();
        Optional<Booking> found = BookingCodes.wellFormed(code) ? store.bookingByCode(code) : Optional.empty();
        Optional<Venue> venue = found.flatMap(b -> store.venue(b.venueId()));
        if (venue.isEmpty() || !servedBy(venue.get(), context)) {
            refuse(context, BookingMessages.languageOf(guestLanguage, "en"), "refused.code", "unknown code");
            return;
        }
        Booking booking = found.get();
        String lang = BookingMessages.languageOf(guestLanguage, venue.get().managerLanguage());
        if (booking.status() != Status.DRAFT) {
            boolean sameChat = context.integrationId().equals(booking.claimedIntegrationId())
                    && context.chatId().equals(booking.claimedChatId());
            if (sameChat) {
                notifications.reply(context.integrationId(), context.chatId(), messages.text(lang, "guest.pending",
                        venue.get().name(), messages.when(venue.get(), booking, lang)));
            } else {
                refuse(context, lang, "refused.claimed", "already claimed");
            }
            return;
        }
        Client client = WHATSAPP.contains(context.integrationType())
                ? store.client(phoneOf(context, contact), null, name(contact), guestLanguage)
                : store.client(null, context.chatId(), name(contact), guestLanguage);
        Optional<Booking> claimed = store.claim(booking.id(), client.id(), context.integrationId(), context.chatId());
        if (claimed.isEmpty()) {
            refuse(context, lang, "refused.claimed", "claimed concurrently");
            return;
        }
        store.history(booking.id(), Status.DRAFT, Status.PENDING, "guest", null);
        notifications.reply(context.integrationId(), context.chatId(), messages.text(lang, "guest.pending",
                venue.get().name(), messages.when(venue.get(), claimed.get(), lang)));
        int reached = notifications.requestToManagers(venue.get(), claimed.get(), client);
        log.info("booking claimed booking={} managers notified={}", booking.id(), reached);
    }

    private void invite(InboundContext context, String code) {
        Optional<Manager> manager = store.acceptInvite(code, context.chatId());
        if (manager.isEmpty()) {
            refuse(context, "en", "refused.invite", "invalid manager invite");
            return;
        }
        Venue venue = store.venue(manager.get().venueId()).orElseThrow();
        notifications.reply(context.integrationId(), context.chatId(), messages.text(venue.managerLanguage(),
                "manager.welcome", manager.get().name(), venue.name()));
    }

    private void press(InboundContext context, String data) {
        Optional<ButtonPayloads.Press> press = payloads.verify(data);
        Optional<Booking> booking = press.flatMap(p -> store.bookingByCode(p.code()));
        if (booking.isEmpty()) {
            refuse(context, "en", "refused.notManager", "forged or altered button payload");
            return;
        }
        decide(context, booking.get(), press.get().action() == ButtonPayloads.Action.APPROVE ? 1 : 2);
    }

    private void numbered(InboundContext context, java.util.UUID bookingId, int choice) {
        store.booking(bookingId).ifPresent(booking -> decide(context, booking, choice));
    }

    private void decide(InboundContext context, Booking booking, int choice) {
        Venue venue = store.venue(booking.venueId()).orElseThrow();
        Optional<Manager> manager = managerOf(venue, context);
        if (manager.isEmpty()) {
            refuse(context, venue.managerLanguage(), "refused.notManager", "not a manager of the venue");
            return;
        }
        if (choice == 3) {
            Client client = booking.clientId() == null ? null : store.clientById(booking.clientId()).orElse(null);
            String link = BookingNotifications.contactLink(client);
            notifications.reply(context.integrationId(), context.chatId(), messages.text(venue.managerLanguage(),
                    "manager.contact", link == null ? "—" : link));
            return;
        }
        String actor = manager.get().name();
        Decisions.Outcome outcome = choice == 1 ? decisions.approve(booking, actor, manager.get().id())
                : decisions.reject(booking, actor, manager.get().id(), null);
        if (!outcome.decided()) {
            notifications.reply(context.integrationId(), context.chatId(), decisions.already(venue, outcome.booking()));
        }
    }

    /** The press or reply must come from a manager of this venue, on one of the venue's channels. */
    private Optional<Manager> managerOf(Venue venue, InboundContext context) {
        boolean telegram = context.integrationId().equals(venue.telegramIntegrationId());
        boolean whatsapp = context.integrationId().equals(venue.whatsappIntegrationId());
        String digits = context.chatId().replaceAll("\\D", "");
        return store.managers(venue.id()).stream()
                .filter(m -> (telegram && context.chatId().equals(m.telegramChatId()))
                        || (whatsapp && m.phone() != null && m.phone().replaceAll("\\D", "").equals(digits)))
                .findFirst();
    }

    private static boolean servedBy(Venue venue, InboundContext context) {
        return context.integrationId().equals(venue.whatsappIntegrationId())
                || context.integrationId().equals(venue.telegramIntegrationId());
    }

    private void refuse(InboundContext context, String lang, String key, String reason) {
        log.warn("booking flow refused integration={} reason={}", context.integrationId(), reason);
        notifications.reply(context.integrationId(), context.chatId(), messages.text(lang, key));
    }

    private static String phoneOf(InboundContext context, Contact contact) {
        if (contact != null && contact.getPhone() != null) {
            return "+" + contact.getPhone().replaceAll("\\D", "");
        }
        return "+" + context.chatId().replaceAll("@.*$", "").replaceAll("\\D", "");
    }

    private static String name(Contact contact) {
        return contact == null ? null : contact.getDisplayName();
    }
}
