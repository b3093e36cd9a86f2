package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** A channel plus its queue of notifications; guarded by the state lock. */
final class ChannelState {

    /** A notification waiting to be (re)delivered. */
    static final class Pending {
        final String resourceState;
        final long messageNumber;
        int failures;
        /** Real time, not the emulator clock: back-off must pass even when nobody advances the clock. */
        long notBeforeNanos;

        Pending(String resourceState, long messageNumber) {
            this.resourceState = resourceState;
            this.messageNumber = messageNumber;
        }
    }

    final String id;
    final String resourceId;
    final String resourceUri;
    final String accountEmail;
    final String calendarId;
    final String address;
    final String token;
    final Instant expiration;
    final Deque<Pending> queue = new ArrayDeque<>();
    boolean stopped;
    boolean inFlight;
    private long lastMessageNumber;

    ChannelState(String id, String resourceId, String resourceUri, String accountEmail, String calendarId,
            String address, String token, Instant expiration) {
        this.id = id;
        this.resourceId = resourceId;
        this.resourceUri = resourceUri;
        this.accountEmail = accountEmail;
        this.calendarId = calendarId;
        this.address = address;
        this.token = token;
        this.expiration = expiration;
    }

    boolean activeAt(Instant now) {
        return !stopped && now.isBefore(expiration);
    }

    /** {@code sync} is always message 1; later messages count up. */
    Pending next(String resourceState) {
        Pending pending = new Pending(resourceState, ++lastMessageNumber);
        queue.add(pending);
        return pending;
    }

    Channel toPublic(Instant now) {
        return new Channel(id, resourceId, resourceUri, accountEmail, calendarId, address, token, expiration,
                activeAt(now));
    }
}
