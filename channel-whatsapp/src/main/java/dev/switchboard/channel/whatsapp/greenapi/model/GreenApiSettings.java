package dev.switchboard.channel.whatsapp.greenapi.model;

/**
 * What {@code getSettings} tells of an instance and we care about. {@code "yes"}/{@code "no"}
 * switches stay strings, as Green API writes them. {@link #toString()} hides the webhook token.
 *
 * @param wid the instance's own WhatsApp id, {@code <digits>@c.us}
 */
public record GreenApiSettings(
        String wid,
        String webhookUrl,
        String webhookUrlToken,
        String incomingWebhook,
        String outgoingWebhook,
        String stateWebhook,
        Long delaySendMessagesMilliseconds) {

    public boolean on(String value) {
        return "yes".equals(value);
    }

    @Override
    public String toString() {
        return "GreenApiSettings[wid=" + wid + ", webhookUrl set=" + (webhookUrl != null && !webhookUrl.isEmpty()) + "]";
    }
}
