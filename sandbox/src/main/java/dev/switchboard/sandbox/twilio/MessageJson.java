package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.http.Json;
import tools.jackson.databind.node.ObjectNode;

/** The Message resource in the 2010-04-01 API's snake_case JSON, keys in Twilio's (alphabetical) order. */
final class MessageJson {

    private MessageJson() {
    }

    static ObjectNode resource(MessageRecord message) {
        ObjectNode json = Json.object()
                .put("account_sid", message.accountSid)
                .put("api_version", "2010-04-01")
                .put("body", message.body)
                .put("date_created", Rfc2822.format(message.dateCreated))
                .put("date_sent", Rfc2822.format(message.dateSent))
                .put("date_updated", Rfc2822.format(message.dateUpdated))
                .put("direction", message.direction);
        if (message.errorCode == null) {
            json.putNull("error_code");
        } else {
            json.put("error_code", message.errorCode);
        }
        json.put("error_message", message.errorMessage)
                .put("from", message.from)
                .put("messaging_service_sid", message.messagingServiceSid)
                .put("num_media", Integer.toString(message.mediaUrls.size()))
                .put("num_segments", "1")
                .put("price", message.price)
                .put("price_unit", "USD")
                .put("sid", message.sid)
                .put("status", message.status);
        String base = "/2010-04-01/Accounts/" + message.accountSid + "/Messages/" + message.sid;
        json.set("subresource_uris", Json.object().put("media", base + "/Media.json")
                .put("feedback", base + "/Feedback.json"));
        json.put("to", message.to).put("uri", message.uri());
        return json;
    }
}
