package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-instance FIFO send queue: an authorized instance sends the head, then waits
 * delaySendMessagesMilliseconds (times the test scale) before the next. A sent message emits
 * outgoingAPIMessageReceived (when enabled) and outgoingMessageStatus sent, then delivered and
 * read on the status timeline; unregistered numbers end in noAccount, unknown groups in
 * notInGroup. Queued messages wait up to 24 h for the instance to become authorized. Call with
 * the state lock held.
 */
final class Dispatcher {

    private final GreenState state;
    private final Scheduler scheduler;
    private final Notifier notifier;

    Dispatcher(GreenState state, Scheduler scheduler, Notifier notifier) {
        this.state = state;
        this.scheduler = scheduler;
        this.notifier = notifier;
    }

    void enqueue(InstanceAccount account, QueuedMessage message) {
        account.outbox.addLast(message);
        state.outgoingById.put(message.idMessage, account);
        pump(account);
    }

    /** Schedules the next send if the instance may send and none is scheduled. */
    void pump(InstanceAccount account) {
        expire(account);
        if (!account.authorized() || account.outbox.isEmpty() || account.dispatchScheduled
                || !state.isCurrent(account)) {
            return;
        }
        Instant now = state.clock.now();
        Instant due = now;
        if (account.lastDispatchAt != null) {
            Instant gapEnd = account.lastDispatchAt.plus(state.switches.sendGap(account.settings.delaySendMessagesMillis()));
            due = gapEnd.isAfter(now) ? gapEnd : now;
        }
        account.dispatchScheduled = true;
        scheduler.at(due, () -> state.locked(() -> {
            account.dispatchScheduled = false;
            if (state.isCurrent(account)) {
                dispatchHead(account);
                pump(account);
            }
        }));
    }

    /** failMessage: before dispatch the message will end so; after, the status is emitted now. */
    void fail(String idMessage, String status, String description) {
        InstanceAccount account = state.outgoingById.get(idMessage);
        if (account == null) {
            throw new IllegalArgumentException("no outgoing message " + idMessage);
        }
        for (QueuedMessage queued : account.outbox) {
            if (queued.idMessage.equals(idMessage)) {
                queued.forcedStatus = status;
                queued.forcedDescription = description;
                return;
            }
        }
        account.journal.values().stream()
                .filter(entry -> entry.outgoing() && idMessage.equals(entry.json().path("idMessage").asString()))
                .findFirst()
                .ifPresent(entry -> emitStatus(account, entry, idMessage, status, description));
    }

    private void dispatchHead(InstanceAccount account) {
        if (!account.authorized() || account.outbox.isEmpty()) {
            return;
        }
        QueuedMessage message = account.outbox.pollFirst();
        account.lastDispatchAt = state.clock.now();
        JournalEntry entry = account.journal.get(InstanceAccount.journalKey(message.chatId, message.idMessage));
        String outcome = outcome(message);
        if (!outcome.equals("sent")) {
            emitStatus(account, entry, message.idMessage, outcome, message.forcedDescription);
            return;
        }
        notifier.emit(account, message.idMessage, notifier.message(account, "outgoingAPIMessageReceived",
                message.idMessage, senderData(account, message.chatId), message.messageData.deepCopy()), false);
        emitStatus(account, entry, message.idMessage, "sent", null);
        later(account, entry, message.idMessage, state.switches.toDelivered, "delivered");
        later(account, entry, message.idMessage, state.switches.toRead, "read");
    }

    private String outcome(QueuedMessage message) {
        if (message.forcedStatus != null) {
            return message.forcedStatus;
        }
        if (message.chatId.endsWith("@g.us")) {
            return state.groups.containsKey(message.chatId) ? "sent" : "notInGroup";
        }
        String phone = message.chatId.substring(0, message.chatId.indexOf('@'));
        return state.whatsAppUsers.contains(phone) ? "sent" : "noAccount";
    }

    private void later(InstanceAccount account, JournalEntry entry, String idMessage, Duration delay, String status) {
        scheduler.after(delay, () -> state.locked(() -> {
            if (state.isCurrent(account)) {
                emitStatus(account, entry, idMessage, status, null);
            }
        }));
    }

    /** Moves the journal forward and notifies; failures and noAccount are sent whatever the settings. */
    private void emitStatus(InstanceAccount account, JournalEntry entry, String idMessage, String status,
            String description) {
        if (!entry.advance(status)) {
            return;
        }
        boolean always = status.equals("failed") || status.equals("noAccount");
        notifier.emit(account, idMessage, notifier.status(account, entry.chatId(), idMessage, status, description),
                always);
    }

    private void expire(InstanceAccount account) {
        Instant cutoff = state.clock.now().minus(Switches.RETENTION);
        account.outbox.removeIf(message -> message.acceptedAt.isBefore(cutoff));
    }

    /** The instance's own number as sender of what it sends. */
    private ObjectNode senderData(InstanceAccount account, String chatId) {
        String chatName = state.groups.getOrDefault(chatId, "");
        return Json.object()
                .put("chatId", chatId)
                .put("chatName", chatName)
                .put("sender", account.instance.wid())
                .put("senderName", "")
                .put("senderContactName", "");
    }
}
