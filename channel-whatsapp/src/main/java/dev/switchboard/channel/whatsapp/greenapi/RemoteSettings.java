package dev.switchboard.channel.whatsapp.greenapi;

import dev.switchboard.channel.whatsapp.greenapi.model.GreenApiSettings;
import dev.switchboard.core.channel.IntegrationHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The instance settings an integration needs: notifications pushed to our webhook URL with our
 * token (or, in polling mode, no webhook URL, which Green API requires for receiveNotification),
 * incoming messages, statuses of sent messages and state changes switched on, copies of
 * outgoing messages switched off. {@code setSettings} reboots the instance, so they are applied
 * only when they differ.
 */
final class RemoteSettings {

    private static final String YES = "yes";
    private static final String NO = "no";

    private RemoteSettings() {
    }

    static Map<String, Object> desired(IntegrationHandle integration, String webhookToken) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("webhookUrl", webhookMode(integration) ? integration.target().webhookUrl().toString() : "");
        settings.put("webhookUrlToken", webhookMode(integration) ? webhookToken : "");
        settings.put("incomingWebhook", YES);
        settings.put("outgoingWebhook", YES);
        settings.put("stateWebhook", YES);
        settings.put("outgoingMessageWebhook", NO);
        settings.put("outgoingAPIMessageWebhook", NO);
        Object delay = integration.settings().get(GreenApiChannel.SEND_DELAY);
        if (delay != null) {
            settings.put(GreenApiChannel.SEND_DELAY, ((Number) delay).longValue());
        }
        return settings;
    }

    /** What is not as desired; empty when in order. A token Green API does not show is not held against it. */
    static String drift(IntegrationHandle integration, String webhookToken, GreenApiSettings actual) {
        Map<String, Object> desired = desired(integration, webhookToken);
        if (!Objects.equals(nullToEmpty(actual.webhookUrl()), desired.get("webhookUrl"))) {
            return webhookMode(integration) ? "the webhook URL had changed" : "a webhook URL was set on a polling instance";
        }
        if (actual.webhookUrlToken() != null && !actual.webhookUrlToken().equals(desired.get("webhookUrlToken"))) {
            return "the webhook token had changed";
        }
        if (!actual.on(actual.incomingWebhook()) || !actual.on(actual.outgoingWebhook())
                || !actual.on(actual.stateWebhook())) {
            return "notifications had been switched off";
        }
        Object delay = desired.get(GreenApiChannel.SEND_DELAY);
        if (delay != null && !delay.equals(actual.delaySendMessagesMilliseconds())) {
            return "the delay between sends had changed";
        }
        return "";
    }

    static boolean webhookMode(IntegrationHandle integration) {
        return GreenApiChannel.WEBHOOK.equals(integration.setting(GreenApiChannel.MODE, GreenApiChannel.WEBHOOK));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
