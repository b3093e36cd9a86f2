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
        List<Button> buttons) {

    public OutboundMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
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
