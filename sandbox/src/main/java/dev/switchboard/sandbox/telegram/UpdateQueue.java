package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A bot's unconfirmed updates in update_id order. */
final class UpdateQueue {

    private final TreeMap<Long, PendingUpdate> pending = new TreeMap<>();
    private long nextId;

    UpdateQueue(long firstId) {
        this.nextId = firstId;
    }

    /** Queues {@code {"update_id": next, type: body}}. */
    PendingUpdate add(String type, JsonNode body, Instant now) {
        long id = nextId++;
        ObjectNode json = Json.object();
        json.put("update_id", id);
        json.set(type, body);
        PendingUpdate update = new PendingUpdate(id, type, json, UpdateRouting.queueKey(type, body), now,
                now.plus(UpdateRouting.retention(type)));
        pending.put(id, update);
        return update;
    }

    /** getUpdates' offset: a positive offset confirms every earlier update, a negative one keeps the last -offset. */
    void confirm(long offset) {
        if (offset > 0) {
            pending.headMap(offset, false).clear();
        } else if (offset < 0) {
            while (pending.size() > -offset) {
                pending.pollFirstEntry();
            }
        }
    }

    List<PendingUpdate> first(int limit) {
        List<PendingUpdate> result = new ArrayList<>(Math.min(limit, pending.size()));
        for (PendingUpdate update : pending.values()) {
            if (result.size() == limit) {
                break;
            }
            result.add(update);
        }
        return result;
    }

    Collection<PendingUpdate> inOrder() {
        return pending.values();
    }

    PendingUpdate get(long id) {
        return pending.get(id);
    }

    void remove(long id) {
        pending.remove(id);
    }

    /** Drops updates past their retention (a day for messages, 150 s for callback queries). */
    void expire(Instant now) {
        pending.values().removeIf(update -> update.expiresAt().isBefore(now));
    }

    int size() {
        return pending.size();
    }

    void clear() {
        pending.clear();
    }
}
