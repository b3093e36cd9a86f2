package dev.switchboard.sandbox.greenapi;

/**
 * A Green API instance: the credentials a client puts in every URL and the WhatsApp id of the
 * linked phone ({@code <digits>@c.us}).
 */
public record Instance(long idInstance, String apiTokenInstance, String wid) {

    /** The linked phone's number, e.g. {@code 79001234567}. */
    public String phoneDigits() {
        return wid.substring(0, wid.indexOf('@'));
    }

    /** Without the token: it authenticates every call. */
    @Override
    public String toString() {
        return "Instance[" + idInstance + ", " + wid + "]";
    }
}
