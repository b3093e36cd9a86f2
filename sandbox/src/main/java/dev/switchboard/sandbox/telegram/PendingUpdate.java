package dev.switchboard.sandbox.telegram;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** An update waiting for getUpdates or webhook delivery, with its delivery bookkeeping. */
final class PendingUpdate {

    private final long id;
    private final String type;
    private final ObjectNode json;
    private final long queueKey;
    private final Instant expiresAt;
    private int failures;
    private Instant nextAttemptAt;
    private boolean inFlight;

    PendingUpdate(long id, String type, ObjectNode json, long queueKey, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.type = type;
        this.json = json;
        this.queueKey = queueKey;
        this.expiresAt = expiresAt;
        this.nextAttemptAt = createdAt;
    }

    long id() {
        return id;
    }

    String type() {
        return type;
    }

    ObjectNode json() {
        return json;
    }

    long queueKey() {
        return queueKey;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    int failures() {
        return failures;
    }

    boolean inFlight() {
        return inFlight;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    void startAttempt() {
        inFlight = true;
    }

    void attemptFailed(Instant retryAt) {
        inFlight = false;
        failures++;
        nextAttemptAt = retryAt;
    }
}
