package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accepts a validated send: assigns the idMessage, writes the journal, records it for tests and
 * hands it to the queue. Call with the state lock held.
 */
final class Outbox {

    /** What a send method produced: the chat, journal type and fields, and the notification's messageData. */
    record Send(String chatId, String journalType, ObjectNode journalFields, ObjectNode messageData,
            Map<String, Object> recordedBody) {
    }

    private final GreenState state;
    private final Dispatcher dispatcher;

    Outbox(GreenState state, Dispatcher dispatcher) {
        this.state = state;
        this.dispatcher = dispatcher;
    }

    /** Returns the idMessage. */
    String accept(MethodCall call, Send send) {
        InstanceAccount account = call.account();
        String idMessage = state.uniqueMessageId();
        Instant now = state.clock.now();
        JournalEntry entry = JournalEntry.outgoing(idMessage, now.getEpochSecond(), send.chatId(), send.journalType(),
                send.journalFields());
        account.journal.put(InstanceAccount.journalKey(send.chatId(), idMessage), entry);
        account.sent.add(new GreenSent(call.method(), send.chatId(), idMessage, send.recordedBody(), now));
        dispatcher.enqueue(account, new QueuedMessage(idMessage, send.chatId(), send.messageData(), now));
        return idMessage;
    }

    JsonNode answer(MethodCall call, Send send) {
        return Json.object().put("idMessage", accept(call, send));
    }
}
