package dev.switchboard.channel.whatsapp.twilio.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /2010-04-01/Accounts/{Sid}.json}, the fields we read (it also holds the auth token: never kept). */
public record TwilioAccount(
        String sid,
        @JsonProperty("friendly_name") String friendlyName,
        String status,
        String type) {

    public boolean active() {
        return "active".equals(status);
    }
}
