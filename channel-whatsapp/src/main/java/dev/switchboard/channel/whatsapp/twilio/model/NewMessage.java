package dev.switchboard.channel.whatsapp.twilio.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The form of {@code POST …/Messages.json}: addresses as {@code whatsapp:+E164}, a body, at most one
 * media URL (WhatsApp takes one per message), a shared location as {@code PersistentAction}
 * ({@code geo:lat,lon|label}), a Content template ({@code ContentSid} with its variables as JSON,
 * sent instead of a body) and our status callback URL.
 */
public record NewMessage(String to, String from, String body, String mediaUrl, String persistentAction,
                         String contentSid, String contentVariables, String statusCallback) {

    public NewMessage(String to, String from, String body, String mediaUrl, String persistentAction,
                      String statusCallback) {
        this(to, from, body, mediaUrl, persistentAction, null, null, statusCallback);
    }

    /** Name/value pairs in a stable order; empty values are left out. */
    public List<Map.Entry<String, String>> form() {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        add(form, "To", to);
        add(form, "From", from);
        add(form, "Body", body);
        add(form, "MediaUrl", mediaUrl);
        add(form, "PersistentAction", persistentAction);
        add(form, "ContentSid", contentSid);
        add(form, "ContentVariables", contentVariables);
        add(form, "StatusCallback", statusCallback);
        return form;
    }

    private static void add(List<Map.Entry<String, String>> form, String name, String value) {
        if (value != null && !value.isEmpty()) {
            form.add(Map.entry(name, value));
        }
    }
}
