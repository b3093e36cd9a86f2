package dev.switchboard.channel.telegram;

import dev.switchboard.channel.telegram.client.TelegramClient;
import dev.switchboard.channel.telegram.model.TgUpdate;
import dev.switchboard.channel.telegram.webhook.TelegramUpdateParser;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.IntegrationHandle;
import dev.switchboard.core.channel.PollingReceiver;
import java.time.Duration;
import java.util.List;

/**
 * {@code getUpdates} long polling. The offset passed to the next call confirms the previous
 * batch, and the next call happens only after that batch was stored.
 */
class TelegramPolling implements PollingReceiver {

    private final TelegramClient client;

    TelegramPolling(TelegramClient client) {
        this.client = client;
    }

    @Override
    public boolean wanted(IntegrationHandle integration) {
        return TelegramChannel.POLLING.equals(integration.setting(TelegramChannel.MODE, TelegramChannel.POLLING));
    }

    @Override
    public void prepare(IntegrationHandle integration) throws ChannelException {
        // getUpdates answers 409 while a webhook is set
        client.deleteWebhook(integration.credentials().secret(TelegramChannel.TOKEN_FIELD), false);
    }

    @Override
    public Batch poll(IntegrationHandle integration, String cursor, Duration timeout) throws ChannelException {
        Long offset = cursor == null ? null : Long.parseLong(cursor);
        List<TgUpdate> updates = client.getUpdates(integration.credentials().secret(TelegramChannel.TOKEN_FIELD),
                offset, timeout, TelegramChannel.ALLOWED_UPDATES);
        long next = updates.stream().mapToLong(TgUpdate::updateId).max().orElse(offset == null ? -1 : offset - 1) + 1;
        return new Batch(TelegramUpdateParser.toEvents(updates), next == 0 ? cursor : Long.toString(next), null);
    }
}
