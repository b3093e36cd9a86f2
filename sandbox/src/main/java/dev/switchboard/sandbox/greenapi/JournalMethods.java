package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** getMessage (the journal), showMessagesQueue and clearMessagesQueue. */
final class JournalMethods {

    void register(MethodTable table) {
        table.add("getMessage", "POST", this::getMessage)
                .add("showMessagesQueue", "GET", this::showMessagesQueue)
                .add("clearMessagesQueue", "GET", this::clearMessagesQueue);
    }

    private JsonNode getMessage(MethodCall call) {
        Body body = Body.parse(call.request(), Set.of("chatId", "idMessage"));
        String chatId = body.chatId();
        String idMessage = body.requiredString("idMessage");
        JournalEntry entry = call.account().journal.get(InstanceAccount.journalKey(chatId, idMessage));
        if (entry == null) {
            throw GreenErrors.badRequest("message not found");
        }
        return entry.json().deepCopy();
    }

    private JsonNode showMessagesQueue(MethodCall call) {
        ArrayNode queue = Json.array();
        for (QueuedMessage message : call.account().outbox) {
            GreenSent sent = call.account().sent.stream()
                    .filter(candidate -> candidate.idMessage().equals(message.idMessage)).findFirst().orElse(null);
            var item = Json.object().put("messageID", message.idMessage)
                    .put("type", sent == null ? "sendMessage" : sent.method());
            item.set("body", Json.MAPPER.valueToTree(sent == null ? java.util.Map.of() : sent.body()));
            queue.add(item);
        }
        return queue;
    }

    private JsonNode clearMessagesQueue(MethodCall call) {
        call.account().outbox.clear();
        return Json.object().put("isCleared", true);
    }
}
