package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.Json;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST .../Messages.json}: validates as Twilio does (required fields, the 1600-character
 * body, {@code whatsapp:+E164} addresses, a From that is one of the account's senders, Content
 * template parameters) and creates the message queued. A free-form message outside the 24-hour
 * window is still created (201) and fails later with 63016. Call with the state lock held.
 */
final class MessageCreator {

    static final int MAX_BODY = 1600;
    static final Pattern WHATSAPP = Pattern.compile("^whatsapp:\\+[1-9]\\d{6,14}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    private final TwilioState state;
    private final StatusProgression progression;

    MessageCreator(TwilioState state, StatusProgression progression) {
        this.state = state;
        this.progression = progression;
    }

    MessageRecord create(AccountData account, Map<String, List<String>> params, int attempts) {
        String to = first(params, "To");
        String from = first(params, "From");
        String serviceSid = first(params, "MessagingServiceSid");
        String body = first(params, "Body");
        List<String> mediaUrls = params.getOrDefault("MediaUrl", List.of());
        String contentSid = first(params, "ContentSid");
        String contentVariables = first(params, "ContentVariables");
        String statusCallback = first(params, "StatusCallback");
        if (blank(to)) {
            throw TwilioException.badRequest(21604, "A 'To' phone number is required.");
        }
        if (blank(from) && blank(serviceSid)) {
            throw TwilioException.badRequest(21603, "A 'From' phone number is required.");
        }
        if (blank(body) && mediaUrls.isEmpty() && blank(contentSid)) {
            throw TwilioException.badRequest(21619, "A text message body or media urls must be specified.");
        }
        checkContent(contentSid, contentVariables);
        if (body != null && body.codePointCount(0, body.length()) > MAX_BODY) {
            throw TwilioException.badRequest(21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        checkTo(to);
        String sender = sender(account, from, serviceSid);
        checkUrl(statusCallback, 21609, "The StatusCallback URL " + statusCallback + " is not a valid URL.");
        for (String mediaUrl : mediaUrls) {
            checkUrl(mediaUrl, 21620, "Media urls: " + mediaUrl + " are invalid. Please use only valid http and https urls");
        }
        Instant now = state.clock.now();
        boolean viaService = !blank(serviceSid);
        MessageRecord message = new MessageRecord(Sids.of("SM", state.random), account.sid(),
                viaService ? serviceSid : account.serviceOf(sender), sender, to, body == null ? "" : body,
                "outbound-api", mediaUrls, blank(contentSid) ? null : contentSid, contentVariables,
                blank(statusCallback) ? null : statusCallback, viaService ? "accepted" : "queued", now,
                state.sequence++);
        message.createAttempts = attempts;
        message.outsideWindow = blank(contentSid) && !state.windowOpen(sender, to);
        state.messages.put(message.sid, message);
        progression.start(message);
        return message;
    }

    /** The From address (or the Messaging Service's first sender), which must be one of the account's senders. */
    private static String sender(AccountData account, String from, String serviceSid) {
        if (blank(from)) {
            List<String> senders = account.services.get(serviceSid);
            if (senders == null) {
                throw new TwilioException(404, 20404, "The requested resource /2010-04-01/Accounts/" + account.sid()
                        + "/Messages.json was not found. MessagingServiceSid " + serviceSid + " is unknown");
            }
            if (senders.isEmpty()) {
                throw TwilioException.badRequest(21704, "The Messaging Service contains no phone numbers");
            }
            return senders.get(0);
        }
        if (!WHATSAPP.matcher(from).matches() && !E164.matcher(from).matches()) {
            throw TwilioException.badRequest(21212, "The 'From' number " + from
                    + " is not a valid phone number, shortcode, or alphanumeric sender ID.");
        }
        if (!account.senders.contains(from)) {
            throw TwilioException.badRequest(63007, "Twilio could not find a Channel with the specified From address");
        }
        return from;
    }

    private static void checkTo(String to) {
        if (WHATSAPP.matcher(to).matches()) {
            return;
        }
        if (E164.matcher(to).matches()) {
            throw TwilioException.badRequest(21910, "Invalid From and To pair. From and To should be of the same "
                    + "channel");
        }
        throw TwilioException.badRequest(21211, "Invalid 'To' Phone Number: " + to);
    }

    private static void checkContent(String contentSid, String contentVariables) {
        if (blank(contentSid)) {
            if (!blank(contentVariables)) {
                throw TwilioException.badRequest(21654, "ContentSid Required");
            }
            return;
        }
        if (!contentSid.matches("HX[0-9a-fA-F]{32}")) {
            throw TwilioException.badRequest(21655, "The ContentSid is Invalid");
        }
        if (contentVariables != null) {
            JsonNode variables;
            try {
                variables = Json.parse(contentVariables);
            } catch (RuntimeException e) {
                throw TwilioException.badRequest(21656, "The ContentVariables Parameter is invalid");
            }
            if (!variables.isObject()) {
                throw TwilioException.badRequest(21656, "The ContentVariables Parameter is invalid");
            }
        }
    }

    private static void checkUrl(String url, int code, String message) {
        if (blank(url)) {
            return;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw TwilioException.badRequest(code, message);
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
