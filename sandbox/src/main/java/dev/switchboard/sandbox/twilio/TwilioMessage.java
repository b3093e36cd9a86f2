package dev.switchboard.sandbox.twilio;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one Message resource, outbound or inbound, with what only the emulator knows:
 * how many create POSTs led to it (the Twilio SDK retries 5xx) and every status it went through.
 *
 * @param direction      {@code outbound-api}, {@code outbound-reply} (from TwiML) or {@code inbound}
 * @param errorCode      null unless failed/undelivered, e.g. 63016 outside the 24-hour window
 * @param createAttempts create POSTs with identical parameters that ended in this message (1 when none failed)
 * @param statusHistory  statuses in the order the message took them, the initial one first
 */
public record TwilioMessage(String sid, String accountSid, String messagingServiceSid, String from, String to,
        String body, String status, String direction, List<String> mediaUrls, String contentSid,
        String contentVariables, String statusCallback, Integer errorCode, String errorMessage, Instant dateCreated,
        Instant dateUpdated, Instant dateSent, int createAttempts, List<String> statusHistory) {
}
