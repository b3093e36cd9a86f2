package dev.switchboard.channel.whatsapp.twilio;

import dev.switchboard.channel.whatsapp.twilio.model.NewMessage;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.support.Json;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An outbound message as a Messages API form. WhatsApp through Twilio carries text and one media
 * URL; a location goes as {@code PersistentAction=geo:lat,lon|label} with its label as text, a
 * contact as a text card (Twilio sends vCards only as hosted files). A message with a template
 * goes as that Content template, the one kind WhatsApp delivers outside the 24-hour window.
 */
final class TwilioMessages {

    private TwilioMessages() {
    }

    static NewMessage of(OutboundMessage message, String to, String from, String statusCallback) {
        if (message.template() != null) {
            return new NewMessage(to, from, null, null, null, message.template().id(),
                    Json.write(message.template().variables()), statusCallback);
        }
        if (message.media() != null) {
            String caption = message.media().caption() != null ? message.media().caption() : message.text();
            return new NewMessage(to, from, caption, message.media().url(), null, statusCallback);
        }
        if (message.location() != null) {
            OutboundMessage.Location location = message.location();
            String label = label(location);
            String geo = String.format(Locale.ROOT, "geo:%s,%s|%s", location.latitude(), location.longitude(), label);
            return new NewMessage(to, from, label, null, geo, statusCallback);
        }
        if (message.contact() != null) {
            return new NewMessage(to, from, message.contact().name() + ": " + message.contact().phone(), null, null,
                    statusCallback);
        }
        return new NewMessage(to, from, message.text(), null, null, statusCallback);
    }

    private static String label(OutboundMessage.Location location) {
        String label = Stream.of(location.name(), location.address())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
        return label.isEmpty() ? String.format(Locale.ROOT, "%s, %s", location.latitude(), location.longitude()) : label;
    }
}
