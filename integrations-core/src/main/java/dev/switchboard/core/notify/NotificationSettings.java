package dev.switchboard.core.notify;

import dev.switchboard.core.channel.ChannelRegistry;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.channel.InvalidInputException.FieldError;
import dev.switchboard.core.integration.Integration;
import dev.switchboard.core.integration.IntegrationRepository;
import dev.switchboard.core.support.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's notification recipients (a tenant setting), validated against its integrations. */
@Component
public class NotificationSettings {

    private final JdbcClient jdbc;
    private final IntegrationRepository integrations;
    private final ChannelRegistry channels;

    public NotificationSettings(JdbcClient jdbc, IntegrationRepository integrations, ChannelRegistry channels) {
        this.jdbc = jdbc;
        this.integrations = integrations;
        this.channels = channels;
    }

    @Transactional(readOnly = true)
    public List<NotificationRecipient> recipients() {
        String json = jdbc.sql("SELECT notification_recipients::text FROM tenant_settings").query(String.class).single();
        return Arrays.asList(Json.read(json, NotificationRecipient[].class));
    }

    @Transactional
    public List<NotificationRecipient> replace(List<NotificationRecipient> requested) {
        List<FieldError> errors = new ArrayList<>();
        List<NotificationRecipient> normalized = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            NotificationRecipient recipient = requested.get(i);
            String path = "recipients[" + i + "]";
            Integration integration = recipient.integrationId() == null ? null
                    : integrations.findById(recipient.integrationId()).orElse(null);
            if (integration == null) {
                errors.add(new FieldError(path + ".integrationId", "no such integration"));
                continue;
            }
            try {
                normalized.add(new NotificationRecipient(integration.getId(),
                        channels.require(integration.getType()).normalizeRecipient(recipient.to())));
            } catch (InvalidInputException e) {
                errors.add(new FieldError(path + ".to", e.errors().get(0).message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("UPDATE tenant_settings SET notification_recipients = :json::jsonb, updated_at = now()")
                .param("json", Json.write(normalized))
                .update();
        return normalized;
    }
}
