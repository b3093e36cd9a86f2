package dev.switchboard.sandbox.greenapi;

import dev.switchboard.sandbox.http.Json;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An instance's settings as getSettings shows them: every webhook switch "no" after creation,
 * no webhookUrl (so notifications queue for receiveNotification), 5 s between queued sends.
 */
final class InstanceSettings {

    static final long MIN_SEND_DELAY_MILLIS = 500;

    static final List<String> SWITCHES = List.of("markIncomingMessagesReaded", "markIncomingMessagesReadedOnReply",
            "outgoingWebhook", "outgoingMessageWebhook", "outgoingAPIMessageWebhook", "incomingWebhook",
            "deviceWebhook", "statusInstanceWebhook", "stateWebhook", "enableMessagesHistory", "keepOnlineStatus",
            "pollMessageWebhook", "incomingBlockWebhook", "incomingCallWebhook", "editedMessageWebhook",
            "deletedMessageWebhook");

    private final Map<String, Object> values = new LinkedHashMap<>();

    InstanceSettings(String wid) {
        values.put("wid", wid);
        values.put("countryInstance", "");
        values.put("typeAccount", "");
        values.put("webhookUrl", "");
        values.put("webhookUrlToken", "");
        values.put("delaySendMessagesMilliseconds", 5000L);
        values.put("sharedSession", "no");
        SWITCHES.forEach(name -> values.put(name, "no"));
    }

    boolean on(String switchName) {
        return "yes".equals(values.get(switchName));
    }

    String webhookUrl() {
        return (String) values.get("webhookUrl");
    }

    String webhookUrlToken() {
        return (String) values.get("webhookUrlToken");
    }

    long delaySendMessagesMillis() {
        return (Long) values.get("delaySendMessagesMilliseconds");
    }

    Map<String, Object> snapshot() {
        return new LinkedHashMap<>(values);
    }

    ObjectNode json() {
        return Json.MAPPER.valueToTree(values);
    }

    /** Checks every field first (Green API applies all or nothing), then applies them. */
    void apply(JsonNode body) {
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            accepted.put(field.getKey(), check(field.getKey(), field.getValue()));
        }
        values.putAll(accepted);
    }

    /** For the Java control API: same checks, plain values. */
    void apply(Map<String, ?> settings) {
        apply((JsonNode) Json.MAPPER.valueToTree(settings));
    }

    private static Object check(String name, JsonNode value) {
        if (name.equals("webhookUrl")) {
            return url(value);
        }
        if (name.equals("webhookUrlToken")) {
            return string(name, value);
        }
        if (name.equals("delaySendMessagesMilliseconds")) {
            if (!value.canConvertToLong() && !(value.isString() && value.asString().matches("\\d{1,12}"))) {
                throw GreenErrors.validation("'" + name + "' must be a number");
            }
            long millis = value.asLong();
            if (millis < MIN_SEND_DELAY_MILLIS) {
                throw GreenErrors.validation("'" + name + "' must be greater than or equal to " + MIN_SEND_DELAY_MILLIS);
            }
            return millis;
        }
        if (SWITCHES.contains(name) || name.equals("sharedSession")) {
            String text = string(name, value);
            if (!text.equals("yes") && !text.equals("no")) {
                throw GreenErrors.validation("'" + name + "' must be one of [yes, no]");
            }
            return text;
        }
        throw GreenErrors.validation("'" + name + "' is not allowed");
    }

    private static String string(String name, JsonNode value) {
        if (!value.isString()) {
            throw GreenErrors.validation("'" + name + "' must be a string");
        }
        return value.asString();
    }

    private static String url(JsonNode value) {
        String url = string("webhookUrl", value);
        if (url.isEmpty()) {
            return url;
        }
        try {
            URI uri = URI.create(url);
            if ((uri.getScheme() == null || !uri.getScheme().matches("https?")) || uri.getHost() == null) {
                throw GreenErrors.validation("'webhookUrl' must be a valid uri");
            }
        } catch (IllegalArgumentException e) {
            throw GreenErrors.validation("'webhookUrl' must be a valid uri");
        }
        return url;
    }
}
