package dev.switchboard.channel.whatsapp.twilio.client;

import dev.switchboard.core.vault.Secret;

/** As whom a call goes: HTTP Basic with the Account SID and its Auth Token. */
public record TwilioAuth(String accountSid, Secret authToken) {

    @Override
    public String toString() {
        return "TwilioAuth[" + accountSid + "]";
    }
}
