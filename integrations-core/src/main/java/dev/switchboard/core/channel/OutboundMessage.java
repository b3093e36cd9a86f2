package dev.switchboard.core.channel;

import java.util.List;
import java.util.UUID;

/**
 * One message to send. Exactly one of text, media, location, contact carries the content (text may
 * accompany buttons); a channel without buttons is given numbered text instead.
 */
public record OutboundMessage(
        UUID id,
        String to,
        String text,
        Media media,
        Location location,
        ContactCard contact,
        List<Button> buttons,
        Template template) {

    public OutboundMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public OutboundMessage(UUID id, String to, String text, Media media, Location location, ContactCard contact,
                           List<Button> buttons) {
        this(id, to, text, media, location, contact, buttons, null);
    }

    /**
     * A pre-approved template the provider sends instead of free text where it must (Twilio's
     * Content templates outside WhatsApp's 24-hour window); {@code text} stays the readable version.
     */
    public record Template(String id, java.util.Map<String, String> variables) {
    }

    public record Media(String url, String caption, String fileName) {
    }

    public record Location(double latitude, double longitude, String name, String address) {
    }

    public record ContactCard(String name, String phone) {
    }

    /**
     * @param id    the opaque value returned when pressed (Telegram: ≤ 64 bytes of callback data)
     * @param url   when set, a link button that opens this URL instead of coming back to us
     */
    public record Button(String id, String title, String url) {

        public Button(String id, String title) {
            this(id, title, null);
        }
    }

    public static OutboundMessage text(UUID id, String to, String text) {
        return new OutboundMessage(id, to, text, null, null, null, List.of());
    }
}
