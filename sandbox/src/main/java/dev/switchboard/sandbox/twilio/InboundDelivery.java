package dev.switchboard.sandbox.twilio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inbound WhatsApp messages: creates the received Message, opens the 24-hour window, and POSTs
 * the form Twilio sends to the sender's incoming webhook, signed per request URL; when that
 * fails (non-2xx, timeout, no connection, after any {@code #rc} retries) the fallback URL gets the
 * same form plus ErrorCode and ErrorUrl. {@code <Message>} verbs in the TwiML answer become
 * outbound-reply messages.
 */
final class InboundDelivery {

    /** What the user sent besides the text: media, a location or a button tap. */
    record Content(String messageType, String body, Map<String, String> extra, List<String> mediaUrls) {
    }

    private final TwilioState state;
    private final FormPoster poster;
    private final StatusProgression progression;

    InboundDelivery(TwilioState state, FormPoster poster, StatusProgression progression) {
        this.state = state;
        this.poster = poster;
        this.progression = progression;
    }

    /** Call with the lock held; the webhook is delivered asynchronously. Returns the MessageSid. */
    String receive(AccountData account, String from, String to, String profileName, Content content) {
        if (!MessageCreator.WHATSAPP.matcher(from).matches()) {
            throw new IllegalArgumentException("from must be whatsapp:+E164, not " + from);
        }
        if (!account.senders.contains(to)) {
            throw new IllegalArgumentException(to + " is not a sender of account " + account.sid()
                    + "; registerSender first");
        }
        MessageRecord message = new MessageRecord(Sids.of("SM", state.random), account.sid(), account.serviceOf(to),
                from, to, content.body(), "inbound", content.mediaUrls(), null, null, null, "received",
                state.clock.now(), state.sequence++);
        message.dateSent = message.dateCreated;
        state.messages.put(message.sid, message);
        state.lastInbound.put(to + "|" + from, message.dateCreated);
        AccountData.Hook hook = account.hooks.get(to);
        if (hook != null && hook.url() != null) {
            Map<String, String> params = params(account, message, profileName, content);
            poster.io().execute(() -> deliver(account, message, hook, params));
        }
        return message.sid;
    }

    private void deliver(AccountData account, MessageRecord message, AccountData.Hook hook, Map<String, String> params) {
        List<FormPoster.Attempt> primary = post(account, message, hook.url(), params, false);
        FormPoster.Attempt last = primary.get(primary.size() - 1);
        if (last.succeeded()) {
            reply(account, message, last.body());
            return;
        }
        if (hook.fallbackUrl() == null || hook.fallbackUrl().isBlank()) {
            return;
        }
        Map<String, String> fallbackParams = new LinkedHashMap<>(params);
        fallbackParams.put("ErrorCode", last.errorCode().toString());
        fallbackParams.put("ErrorUrl", last.url());
        List<FormPoster.Attempt> fallback = post(account, message, hook.fallbackUrl(), fallbackParams, true);
        FormPoster.Attempt answer = fallback.get(fallback.size() - 1);
        if (answer.succeeded()) {
            reply(account, message, answer.body());
        }
    }

    private List<FormPoster.Attempt> post(AccountData account, MessageRecord message, String url,
            Map<String, String> params, boolean fallback) {
        boolean corrupt = state.switches.badSignatures;
        List<FormPoster.Attempt> attempts = poster.post(url, params,
                requestUrl -> Signature.compute(corrupt ? "x" + account.token() : account.token(), requestUrl, params),
                state.switches.webhookTimeout, FormPoster.idempotencyToken(state.random));
        state.locked(() -> attempts.forEach(attempt -> account.inbound.add(new WebhookDelivery(message.sid,
                attempt.url(), fallback, attempt.number(), Map.copyOf(params), attempt.signature(), attempt.status(),
                attempt.body(), attempt.errorCode(), state.clock.now()))));
        return attempts;
    }

    /** Messages in the TwiML answer go back to the user from the sender, inside the window just opened. */
    private void reply(AccountData account, MessageRecord inbound, String twiml) {
        List<TwiML.Reply> replies = TwiML.replies(twiml);
        if (replies.isEmpty()) {
            return;
        }
        state.locked(() -> {
            if (!state.isCurrent(inbound)) {
                return;
            }
            for (TwiML.Reply reply : replies) {
                MessageRecord message = new MessageRecord(Sids.of("SM", state.random), account.sid(),
                        inbound.messagingServiceSid, inbound.to, inbound.from, reply.body(), "outbound-reply",
                        reply.mediaUrls(), null, null, reply.statusCallback(), "queued", state.clock.now(),
                        state.sequence++);
                message.outsideWindow = !state.windowOpen(message.from, message.to);
                state.messages.put(message.sid, message);
                progression.start(message);
            }
        });
    }

    /** Every field of Twilio's WhatsApp inbound webhook, in the order its examples show. */
    private static Map<String, String> params(AccountData account, MessageRecord message, String profileName,
            Content content) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < content.mediaUrls().size(); i++) {
            params.put("MediaContentType" + i, content.extra().getOrDefault("MediaContentType" + i,
                    "application/octet-stream"));
            params.put("MediaUrl" + i, content.mediaUrls().get(i));
        }
        params.put("SmsMessageSid", message.sid);
        params.put("NumMedia", Integer.toString(content.mediaUrls().size()));
        params.put("ProfileName", profileName == null ? "" : profileName);
        params.put("MessageType", content.messageType());
        params.put("SmsSid", message.sid);
        params.put("WaId", message.from.substring("whatsapp:+".length()));
        params.put("SmsStatus", "received");
        params.put("Body", content.body());
        content.extra().forEach((name, value) -> {
            if (!name.startsWith("MediaContentType")) {
                params.put(name, value);
            }
        });
        params.put("To", message.to);
        if (message.messagingServiceSid != null) {
            params.put("MessagingServiceSid", message.messagingServiceSid);
        }
        params.put("NumSegments", "1");
        params.put("ReferralNumMedia", "0");
        params.put("MessageSid", message.sid);
        params.put("AccountSid", account.sid());
        params.put("From", message.from);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }
}
