package dev.switchboard.sandbox.twilio;

import java.time.Instant;
import java.util.Map;

/**
 * One status-callback POST.
 *
 * @param url       the URL as requested (connection-override fragment removed)
 * @param params    the form fields sent, e.g. MessageStatus, ErrorCode
 * @param signature the X-Twilio-Signature header sent
 * @param status    the receiver's HTTP status, 0 when no response arrived
 * @param error     why no response arrived, null otherwise
 */
public record CallbackDelivery(String messageSid, String messageStatus, String url, Map<String, String> params,
        String signature, int status, String error, Instant at) {
}
