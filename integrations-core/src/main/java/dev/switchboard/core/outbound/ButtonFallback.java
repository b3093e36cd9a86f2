package dev.switchboard.core.outbound;

import dev.switchboard.core.channel.ChannelCapabilities;
import dev.switchboard.core.channel.OutboundMessage;
import java.util.List;

/** Channels without buttons get the choices as numbered lines ("1 — Approve"); the sender does not care. */
final class ButtonFallback {

    private ButtonFallback() {
    }

    static OutboundMessage apply(OutboundMessage message, ChannelCapabilities capabilities) {
        if (capabilities.buttons() || message.buttons().isEmpty()) {
            return message;
        }
        StringBuilder text = new StringBuilder(message.text() == null ? "" : message.text()).append("\n");
        List<OutboundMessage.Button> buttons = message.buttons();
        for (int i = 0; i < buttons.size(); i++) {
            OutboundMessage.Button button = buttons.get(i);
            text.append('\n').append(i + 1).append(" — ").append(button.title());
            if (button.url() != null) {
                text.append(": ").append(button.url());
            }
        }
        return new OutboundMessage(message.id(), message.to(), text.toString(), message.media(), message.location(),
                message.contact(), List.of(), message.template());
    }
}
