package dev.switchboard.channel.whatsapp.greenapi;

import dev.switchboard.channel.whatsapp.greenapi.client.GreenApiClient;
import dev.switchboard.channel.whatsapp.greenapi.client.GreenApiInstance;
import dev.switchboard.channel.whatsapp.greenapi.model.GreenApiSettings;
import dev.switchboard.channel.whatsapp.greenapi.model.ReceivedNotification;
import dev.switchboard.channel.whatsapp.greenapi.webhook.GreenApiWebhook;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.InboundEvent;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.PollingReceiver;
import dev.switchboard.core.channel.WebhookRejectedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code receiveNotification} long polling: one notification per call, deleted with
 * {@code deleteNotification} only after it was stored, so a crash redelivers it (and the store
 * de-duplicates). A notification that can never be parsed is deleted too, or it would block the
 * instance's queue forever.
 */
class GreenApiPolling implements PollingReceiver {

    private static final Logger log = LoggerFactory.getLogger(GreenApiPolling.class);

    private final GreenApiClient client;
    private final GreenApiWebhook webhook;

    GreenApiPolling(GreenApiClient client, GreenApiWebhook webhook) {
        this.client = client;
        this.webhook = webhook;
    }

    @Override
    public boolean wanted(IntegrationHandle integration) {
        return GreenApiChannel.POLLING.equals(integration.setting(GreenApiChannel.MODE, GreenApiChannel.WEBHOOK));
    }

    /** receiveNotification answers 400 while a webhook URL is set: make sure none is. */
    @Override
    public void prepare(IntegrationHandle integration) throws ChannelException {
        GreenApiInstance instance = GreenApiCredentials.instance(integration.credentials());
        GreenApiSettings settings = client.getSettings(instance);
        if (settings.webhookUrl() != null && !settings.webhookUrl().isEmpty()) {
            client.setSettings(instance, Map.of("webhookUrl", ""));
        }
    }

    @Override
    public Batch poll(IntegrationHandle integration, String cursor, Duration timeout) throws ChannelException {
        GreenApiInstance instance = GreenApiCredentials.instance(integration.credentials());
        Optional<ReceivedNotification> received = client.receiveNotification(instance, timeout);
        if (received.isEmpty()) {
            return new Batch(List.of(), cursor, null);
        }
        return new Batch(events(instance, received.get()), cursor, received.get().receiptId());
    }

    @Override
    public void confirm(IntegrationHandle integration, Batch batch) throws ChannelException {
        if (batch.confirmation() instanceof Long receiptId) {
            client.deleteNotification(GreenApiCredentials.instance(integration.credentials()), receiptId);
        }
    }

    private List<InboundEvent> events(GreenApiInstance instance, ReceivedNotification notification) {
        long named = notification.body().path("instanceData").path("idInstance").asLong(instance.idInstance());
        if (named != instance.idInstance()) {
            log.warn("greenapi instance={} received a notification of another instance: dropped", instance.idInstance());
            return List.of();
        }
        try {
            return webhook.parse(notification.body());
        } catch (WebhookRejectedException e) {
            log.warn("greenapi instance={} receipt={} unreadable notification dropped: {}", instance.idInstance(),
                    notification.receiptId(), e.getMessage());
            return List.of();
        }
    }
}
