package dev.switchboard.core.notify;

import dev.switchboard.core.outbound.NewOutbound;
import dev.switchboard.core.outbound.OutboundMessages;
import dev.switchboard.core.support.ConflictException;
import dev.switchboard.core.support.NotFoundException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the business something (a broken integration, a hand-off, an alert) through its own
 * channels: one message to each notification recipient, queued like any other message.
 */
@Component
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationSettings settings;
    private final OutboundMessages outbound;

    public Notifier(NotificationSettings settings, OutboundMessages outbound) {
        this.settings = settings;
        this.outbound = outbound;
    }

    /**
     * Queues {@code text} to every recipient of the tenant in context, except through
     * {@code avoidIntegration} (the one that broke, which could not carry it).
     *
     * @return how many notifications were queued
     */
    @Transactional
    public int notify(String text, UUID avoidIntegration) {
        int queued = 0;
        for (NotificationRecipient recipient : settings.recipients()) {
            if (recipient.integrationId().equals(avoidIntegration)) {
                continue;
            }
            try {
                outbound.enqueueInCurrentTransaction(NewOutbound.text(recipient.integrationId(), recipient.to(), text));
                queued++;
            } catch (ConflictException | NotFoundException e) {
                log.info("notification recipient skipped integration={}: {}", recipient.integrationId(), e.getMessage());
            }
        }
        return queued;
    }
}
