package dev.switchboard.channel.whatsapp.twilio.webhook;

import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.WebhookRejectedException;
import dev.switchboard.core.channel.WebhookRejectedException.Reason;
import dev.switchboard.core.channel.WebhookRequest;
import java.util.List;
import java.util.Map;

/**
 * A form POST from Twilio: an inbound message at {@code /webhooks/twilio/{key}} or a status
 * callback at {@code /webhooks/twilio/{key}/status}. Authenticated by {@code X-Twilio-Signature}
 * over the public URL it was sent to (built from {@code SWITCHBOARD_PUBLIC_URL}, so it holds behind
 * a proxy) and every form parameter; the account it names must be the integration's.
 */
public final class TwilioWebhook {

    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    public static final String STATUS_PATH = "status";

    /** What a stored inbound message is answered with: TwiML that says nothing (replies go through the API). */
    public static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    public enum Kind { MESSAGE, STATUS }

    private final TwilioInboundParser inbound = new TwilioInboundParser();
    private final TwilioStatusParser status = new TwilioStatusParser();

    /** Which of our two URLs was called; anything else under the key is not ours. */
    public static Kind kind(WebhookRequest request) {
        String path = request.publicUrl().getPath();
        int at = path.lastIndexOf("/webhooks/");
        String[] segments = at < 0 ? new String[0] : path.substring(at + "/webhooks/".length()).split("/");
        if (segments.length == 2) {
            return Kind.MESSAGE;
        }
        if (segments.length == 3 && STATUS_PATH.equals(segments[2])) {
            return Kind.STATUS;
        }
        throw new WebhookRejectedException(Reason.NOT_FOUND, "no such webhook");
    }

    public void authenticate(String authToken, String accountSid, WebhookRequest request) {
        kind(request);
        String signature = request.header(SIGNATURE_HEADER).orElse(null);
        if (authToken == null || !TwilioSignature.valid(authToken, request.publicUrl().toString(), request.form(),
                signature)) {
            throw new WebhookRejectedException(Reason.UNAUTHORIZED, "missing or wrong " + SIGNATURE_HEADER);
        }
        String named = first(request.form(), "AccountSid");
        if (named != null && !named.equals(accountSid)) {
            throw new WebhookRejectedException(Reason.UNAUTHORIZED, "the request is of another Twilio account");
        }
    }

    public List<InboundEvent> parse(WebhookRequest request) {
        if (request.form().isEmpty()) {
            throw new WebhookRejectedException(Reason.MALFORMED, "not a Twilio form post");
        }
        return isStatus(request) ? status.parse(request.form()) : inbound.parse(request.form());
    }

    /** A status callback, also when a console points it at the message URL (it then says MessageStatus). */
    private static boolean isStatus(WebhookRequest request) {
        String messageStatus = first(request.form(), "MessageStatus");
        return kind(request) == Kind.STATUS || (messageStatus != null && !"received".equals(messageStatus));
    }

    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
