package dev.switchboard.core.channel;

/** What a webhook is answered with, after the delivery was stored (Twilio expects TwiML; most want nothing). */
public record WebhookReply(String contentType, String body) {

    public static final WebhookReply EMPTY = new WebhookReply(null, null);
}
