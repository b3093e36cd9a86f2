package dev.switchboard.app.ui;

import dev.switchboard.core.conversation.Contact;
import dev.switchboard.core.conversation.ContactRepository;
import dev.switchboard.core.conversation.Conversation;
import dev.switchboard.core.conversation.Conversations;
import dev.switchboard.core.conversation.Message;
import dev.switchboard.core.conversation.MessageRepository;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.integration.IntegrationStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * Reads what the inbox shows for the tenant in context, composing the core services: a
 * conversation of another tenant is simply not found.
 */
@Component
class InboxQueries {

    static final int LIST_SIZE = 50;
    static final int THREAD_SIZE = 100;
    private static final int PREVIEW = 90;

    private final Conversations conversations;
    private final IntegrationService integrations;
    private final ContactRepository contacts;
    private final MessageRepository messages;

    InboxQueries(Conversations conversations, IntegrationService integrations, ContactRepository contacts,
                 MessageRepository messages) {
        this.conversations = conversations;
        this.integrations = integrations;
        this.contacts = contacts;
        this.messages = messages;
    }

    List<ConversationRow> list(String q) {
        List<Conversation> found = conversations.search(null, q, 0, LIST_SIZE).getContent();
        Map<UUID, Contact> people = contacts.findAllById(found.stream().map(Conversation::getContactId).toList())
                .stream().collect(Collectors.toMap(Contact::getId, Function.identity()));
        Map<UUID, Integration> channels = integrations.byId(found.stream().map(Conversation::getIntegrationId)
                .distinct().toList());
        return found.stream().map(c -> row(c, people.get(c.getContactId()), channels.get(c.getIntegrationId()))).toList();
    }

    ThreadView thread(UUID id) {
        Conversation conversation = conversations.conversation(id);
        Contact contact = conversations.contact(conversation.getContactId());
        Integration channel = integrations.byId(List.of(conversation.getIntegrationId()))
                .get(conversation.getIntegrationId());
        Page<Message> first = conversations.messages(id, 0, THREAD_SIZE);
        long total = first.getTotalElements();
        List<Message> shown = first.getContent();
        long hidden = 0;
        if (total > THREAD_SIZE) {
            // the latest THREAD_SIZE: the page that ends with the newest one, plus the tail before it
            int lastPage = (int) ((total - 1) / THREAD_SIZE);
            List<Message> tail = conversations.messages(id, lastPage, THREAD_SIZE).getContent();
            List<Message> before = conversations.messages(id, lastPage - 1, THREAD_SIZE).getContent();
            List<Message> joined = new java.util.ArrayList<>(before);
            joined.addAll(tail);
            shown = joined.subList(Math.max(0, joined.size() - THREAD_SIZE), joined.size());
            hidden = total - shown.size();
        }
        return new ThreadView(id, title(contact, conversation), subtitle(contact, conversation),
                channel == null ? "" : channel.getName(), channel == null ? "" : Channels.label(channel.getType()),
                Conversation.HUMAN.equals(conversation.getMode()),
                channel == null || channel.getStatus() == IntegrationStatus.DISABLED,
                shown.stream().map(MessageBubble::of).toList(), hidden);
    }

    private ConversationRow row(Conversation c, Contact contact, Integration channel) {
        List<Message> latest = messages.findTop20ByConversationIdOrderByCreatedAtDesc(c.getId());
        Message last = latest.isEmpty() ? null : latest.get(0);
        return new ConversationRow(c.getId(), title(contact, c), channel == null ? "" : channel.getName(),
                channel == null ? "" : Channels.label(channel.getType()), preview(last),
                last != null && Message.IN.equals(last.getDirection()),
                c.getLastMessageAt() != null ? c.getLastMessageAt() : c.getCreatedAt(),
                Conversation.HUMAN.equals(c.getMode()));
    }

    private static String preview(Message last) {
        if (last == null) {
            return "";
        }
        String text = last.getText() != null && !last.getText().isBlank() ? last.getText()
                : "[" + (last.getKind() == null ? "message" : last.getKind()) + "]";
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > PREVIEW ? text.substring(0, PREVIEW - 1) + "\u2026" : text;
    }

    static String title(Contact contact, Conversation c) {
        if (contact != null) {
            if (contact.getDisplayName() != null && !contact.getDisplayName().isBlank()) {
                return contact.getDisplayName();
            }
            if (contact.getUsername() != null && !contact.getUsername().isBlank()) {
                return "@" + contact.getUsername();
            }
            if (contact.getPhone() != null && !contact.getPhone().isBlank()) {
                return contact.getPhone();
            }
        }
        return "Chat " + c.getChatId();
    }

    private static String subtitle(Contact contact, Conversation c) {
        StringBuilder text = new StringBuilder();
        if (contact != null && contact.getUsername() != null && !contact.getUsername().isBlank()) {
            text.append('@').append(contact.getUsername()).append(" \u00B7 ");
        }
        if (contact != null && contact.getPhone() != null && !contact.getPhone().isBlank()) {
            text.append(contact.getPhone()).append(" \u00B7 ");
        }
        return text.append("chat ").append(c.getChatId()).toString();
    }
}
