package dev.switchboard.sandbox.twilio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One Message resource's mutable state; guarded by the {@link TwilioState} lock. */
final class MessageRecord {

    final String sid;
    final String accountSid;
    final String messagingServiceSid;
    final String from;
    final String to;
    final String body;
    final String direction;
    final List<String> mediaUrls;
    final String contentSid;
    final String contentVariables;
    final String statusCallback;
    final Instant dateCreated;
    final long sequence;
    String status;
    Integer errorCode;
    String errorMessage;
    Instant dateUpdated;
    Instant dateSent;
    String price;
    int createAttempts = 1;
    boolean outsideWindow;
    final List<String> statusHistory = new ArrayList<>();
    /** Status callbacks go out one after another per message. */
    CompletableFuture<Void> callbackChain = CompletableFuture.completedFuture(null);
    /** Out-of-order mode: the delivered callback waits for read. */
    Map<String, String> heldCallback;

    MessageRecord(String sid, String accountSid, String messagingServiceSid, String from, String to, String body,
            String direction, List<String> mediaUrls, String contentSid, String contentVariables,
            String statusCallback, String initialStatus, Instant at, long sequence) {
        this.sid = sid;
        this.accountSid = accountSid;
        this.messagingServiceSid = messagingServiceSid;
        this.from = from;
        this.to = to;
        this.body = body;
        this.direction = direction;
        this.mediaUrls = List.copyOf(mediaUrls);
        this.contentSid = contentSid;
        this.contentVariables = contentVariables;
        this.statusCallback = statusCallback;
        this.dateCreated = at;
        this.dateUpdated = at;
        this.sequence = sequence;
        this.status = initialStatus;
        statusHistory.add(initialStatus);
    }

    boolean inbound() {
        return direction.equals("inbound");
    }

    boolean terminal() {
        return status.equals("failed") || status.equals("undelivered") || status.equals("canceled");
    }

    String uri() {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json";
    }

    TwilioMessage snapshot() {
        return new TwilioMessage(sid, accountSid, messagingServiceSid, from, to, body, status, direction, mediaUrls,
                contentSid, contentVariables, statusCallback, errorCode, errorMessage, dateCreated, dateUpdated,
                dateSent, createAttempts, List.copyOf(statusHistory));
    }
}
