package dev.switchboard.sandbox.twilio;

import java.time.Instant;
import java.util.Map;

/**
 * One POST of an inbound message to the sender's incoming webhook (or its fallback).
 *
 * @param url          the URL as requested (connection-override fragment removed); the signature covers it
 * @param fallback     whether this went to the fallback URL
 * @param attempt      1 for the first try at this URL, 2+ for retries asked for by {@code #rc=}
 * @param status       the receiver's HTTP status, 0 when no response arrived
 * @param responseBody what the receiver answered (TwiML), null when nothing arrived
 * @param errorCode    Twilio's error for a failed attempt (11200 bad status or read timeout, 11205 connection
 *                     failure), null on success
 */
public record WebhookDelivery(String messageSid, String url, boolean fallback, int attempt, Map<String, String> params,
        String signature, int status, String responseBody, Integer errorCode, Instant at) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
