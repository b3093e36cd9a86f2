package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message in the instance's journal, as getMessage answers it; outgoing entries also track
 * the delivery status so statuses only move forward.
 */
final class JournalEntry {

    private final ObjectNode json;
    private final boolean outgoing;
    private int rank;
    private boolean terminal;

    private JournalEntry(ObjectNode json, boolean outgoing) {
        this.json = json;
        this.outgoing = outgoing;
    }

    static JournalEntry outgoing(String idMessage, long timestamp, String chatId, String typeMessage,
            ObjectNode fields) {
        ObjectNode json = Json.object()
                .put("type", "outgoing")
                .put("idMessage", idMessage)
                .put("timestamp", timestamp)
                .put("typeMessage", typeMessage)
                .put("chatId", chatId);
        json.setAll(fields);
        JournalEntry entry = new JournalEntry(json, true);
        json.put("statusMessage", "pending");
        json.put("sendByApi", true);
        return entry;
    }

    static JournalEntry incoming(String idMessage, long timestamp, String chatId, String typeMessage,
            String senderId, String senderName, ObjectNode fields) {
        ObjectNode json = Json.object()
                .put("type", "incoming")
                .put("idMessage", idMessage)
                .put("timestamp", timestamp)
                .put("typeMessage", typeMessage)
                .put("chatId", chatId)
                .put("senderId", senderId)
                .put("senderName", senderName);
        json.setAll(fields);
        return new JournalEntry(json, false);
    }

    ObjectNode json() {
        return json;
    }

    boolean outgoing() {
        return outgoing;
    }

    String chatId() {
        return json.path("chatId").asString();
    }

    boolean terminal() {
        return terminal;
    }

    /**
     * Moves the status forward; returns false (and changes nothing) for a status that would go
     * backwards or follows a terminal one. sent &lt; delivered &lt; read; the rest are terminal.
     */
    boolean advance(String status) {
        int next = switch (status) {
            case "sent" -> 1;
            case "delivered" -> 2;
            case "read" -> 3;
            default -> 4;
        };
        if (terminal || next <= rank) {
            return false;
        }
        rank = next;
        terminal = next == 4;
        json.put("statusMessage", status);
        return true;
    }
}
