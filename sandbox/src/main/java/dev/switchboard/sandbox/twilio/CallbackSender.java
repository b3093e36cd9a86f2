package dev.switchboard.sandbox.twilio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POSTs status callbacks to a message's StatusCallback: the fields of Twilio's WhatsApp
 * callbacks, signed with the account's Auth Token, one after another per message. Switches make
 * each callback arrive twice (same idempotency token) or the delivered callback arrive after read.
 * Call {@link #statusChanged} with the state lock held.
 */
final class CallbackSender {

    private final TwilioState state;
    private final FormPoster poster;

    CallbackSender(TwilioState state, FormPoster poster) {
        this.state = state;
        this.poster = poster;
    }

    void statusChanged(MessageRecord message) {
        if (message.statusCallback == null) {
            return;
        }
        AccountData account = state.accounts.get(message.accountSid);
        if (account == null) {
            return;
        }
        Map<String, String> params = params(account, message);
        if (state.switches.outOfOrderCallbacks && message.status.equals("delivered")) {
            message.heldCallback = params;
            return;
        }
        enqueue(message, params);
        if (message.heldCallback != null && (message.status.equals("read") || message.terminal())) {
            enqueue(message, message.heldCallback);
            message.heldCallback = null;
        }
    }

    private void enqueue(MessageRecord message, Map<String, String> params) {
        AccountData account = state.accounts.get(message.accountSid);
        String token = FormPoster.idempotencyToken(state.random);
        int copies = state.switches.duplicateCallbacks ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            message.callbackChain = message.callbackChain.thenRunAsync(() -> post(account, message, params, token),
                    poster.io()).exceptionally(error -> null);
        }
    }

    private void post(AccountData account, MessageRecord message, Map<String, String> params, String token) {
        boolean corrupt = state.switches.badSignatures;
        List<FormPoster.Attempt> attempts = poster.post(message.statusCallback, params,
                url -> Signature.compute(corrupt ? "x" + account.token() : account.token(), url, params),
                state.switches.webhookTimeout, token);
        state.locked(() -> attempts.forEach(attempt -> account.callbacks.add(new CallbackDelivery(message.sid,
                params.get("MessageStatus"), attempt.url(), Map.copyOf(params), attempt.signature(), attempt.status(),
                attempt.error(), state.clock.now()))));
    }

    /** The form fields, in the order Twilio's WhatsApp callbacks show them. */
    private static Map<String, String> params(AccountData account, MessageRecord message) {
        Map<String, String> params = new LinkedHashMap<>();
        if (message.status.equals("delivered") || message.status.equals("read")) {
            params.put("EventType", message.status.toUpperCase(java.util.Locale.ROOT));
        }
        if (message.errorCode != null) {
            params.put("ErrorCode", message.errorCode.toString());
            params.put("ErrorMessage", message.errorMessage);
        }
        params.put("SmsSid", message.sid);
        params.put("SmsStatus", message.status);
        params.put("MessageStatus", message.status);
        params.put("ChannelToAddress", message.to.replaceFirst("^whatsapp:", ""));
        params.put("To", message.to);
        params.put("ChannelPrefix", "whatsapp");
        params.put("ChannelInstallSid", account.channelInstallSids.getOrDefault(message.from, ""));
        params.put("MessageSid", message.sid);
        params.put("AccountSid", message.accountSid);
        params.put("StructuredMessage", "false");
        params.put("From", message.from);
        params.put("ApiVersion", "2010-04-01");
        if (message.messagingServiceSid != null) {
            params.put("MessagingServiceSid", message.messagingServiceSid);
        }
        return params;
    }
}
