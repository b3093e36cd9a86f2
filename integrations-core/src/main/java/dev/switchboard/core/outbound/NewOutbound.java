package dev.switchboard.core.outbound;

import dev.switchboard.core.channel.OutboundMessage;
import java.util.List;
import java.util.UUID;

/** A request to send one message (API, UI, agent or workflow). */
public record NewOutbound(
        UUID integrationId,
        String to,
        String text,
        OutboundMessage.Media media,
        OutboundMessage.Location location,
        OutboundMessage.ContactCard contact,
        List<OutboundMessage.Button> buttons,
        String idempotencyKey,
        OutboundMessage.Template template) {

    public NewOutbound(UUID integrationId, String to, String text, OutboundMessage.Media media,
                       OutboundMessage.Location location, OutboundMessage.ContactCard contact,
                       List<OutboundMessage.Button> buttons, String idempotencyKey) {
        this(integrationId, to, text, media, location, contact, buttons, idempotencyKey, null);
    }

    public static NewOutbound text(UUID integrationId, String to, String text) {
        return new NewOutbound(integrationId, to, text, null, null, null, List.of(), null, null);
    }

    public NewOutbound withButtons(List<OutboundMessage.Button> newButtons) {
        return new NewOutbound(integrationId, to, text, media, location, contact, newButtons, idempotencyKey, template);
    }

    public NewOutbound withTemplate(OutboundMessage.Template newTemplate) {
        return new NewOutbound(integrationId, to, text, media, location, contact, buttons, idempotencyKey, newTemplate);
    }
}
