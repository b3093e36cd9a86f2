package dev.switchboard.channel.whatsapp.twilio.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Message resource a create answers with, the fields we read. */
public record TwilioMessage(
        String sid,
        String status,
        @JsonProperty("error_code") Integer errorCode,
        @JsonProperty("error_message") String errorMessage) {
}
