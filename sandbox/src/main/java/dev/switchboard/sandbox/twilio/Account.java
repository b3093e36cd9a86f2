package dev.switchboard.sandbox.twilio;

/** A Twilio account: the SID in every path and the Auth Token that authenticates calls and signs webhooks. */
public record Account(String sid, String authToken) {

    /** Without the token. */
    @Override
    public String toString() {
        return "Account[" + sid + "]";
    }
}
