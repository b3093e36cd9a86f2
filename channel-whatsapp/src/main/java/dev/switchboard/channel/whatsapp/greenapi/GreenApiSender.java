package dev.switchboard.channel.whatsapp.greenapi;

import dev.switchboard.channel.whatsapp.PhoneNumbers;
import dev.switchboard.channel.whatsapp.greenapi.client.GreenApiClient;
import dev.switchboard.channel.whatsapp.greenapi.client.GreenApiInstance;
import dev.switchboard.channel.whatsapp.greenapi.model.LinkButton;
import dev.switchboard.channel.whatsapp.greenapi.model.ReplyButton;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.channel.OutboundMessage;
import dev.switchboard.core.channel.OutboundMessage.Button;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One send through Green API, by content: {@code sendMessage}, {@code sendFileByUrl},
 * {@code sendLocation}, {@code sendContact}, or interactive buttons. Buttons are a beta that an
 * instance may refuse (403, like the retired button methods): then the same message goes as
 * numbered text, and the instance is not offered buttons again for an hour.
 */
final class GreenApiSender {

    private static final Logger log = LoggerFactory.getLogger(GreenApiSender.class);

    /** Green API's limits of interactive messages. */
    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TEXT = 25;
    static final int MAX_BUTTON_BODY = 1024;
    private static final Duration FORGET_REFUSAL = Duration.ofHours(1);

    private final GreenApiClient client;
    private final Map<Long, Instant> refusesButtons = new ConcurrentHashMap<>();

    GreenApiSender(GreenApiClient client) {
        this.client = client;
    }

    /** @return Green API's idMessage, which the status notifications of this message will carry */
    String send(GreenApiInstance instance, OutboundMessage message) throws ChannelException {
        String chat = message.to();
        if (message.media() != null) {
            String caption = message.media().caption() != null ? message.media().caption() : message.text();
            return client.sendFileByUrl(instance, chat, message.media().url(), fileName(message.media()),
                    message.buttons().isEmpty() ? caption : numbered(caption, message.buttons()));
        }
        if (message.location() != null) {
            OutboundMessage.Location location = message.location();
            return client.sendLocation(instance, chat, location.latitude(), location.longitude(), location.name(),
                    location.address());
        }
        if (message.contact() != null) {
            String phone = PhoneNumbers.e164(message.contact().phone()).orElseThrow(() -> GreenApiException.unsendable(
                    "contact.phone must be an international number, like +79001234567"));
            return client.sendContact(instance, chat, Long.parseLong(PhoneNumbers.digits(phone)), message.contact().name());
        }
        if (!message.buttons().isEmpty()) {
            return sendWithButtons(instance, message);
        }
        return client.sendMessage(instance, chat, message.text());
    }

    private String sendWithButtons(GreenApiInstance instance, OutboundMessage message) throws ChannelException {
        List<Button> buttons = message.buttons();
        boolean links = buttons.stream().allMatch(b -> b.url() != null);
        boolean replies = buttons.stream().noneMatch(b -> b.url() != null);
        if ((links || replies) && fitsInteractive(message) && !refusing(instance)) {
            try {
                return replies ? client.sendInteractiveButtonsReply(instance, message.to(), message.text(), replyButtons(buttons))
                        : client.sendInteractiveButtons(instance, message.to(), message.text(), linkButtons(buttons));
            } catch (ChannelException e) {
                if (e.status() != 403) {
                    throw e;
                }
                refusesButtons.put(instance.idInstance(), Instant.now());
                log.info("greenapi instance={} refused interactive buttons (403): sending numbered text",
                        instance.idInstance());
            }
        }
        return client.sendMessage(instance, message.to(), numbered(message.text(), buttons));
    }

    private boolean refusing(GreenApiInstance instance) {
        Instant refused = refusesButtons.get(instance.idInstance());
        if (refused != null && refused.plus(FORGET_REFUSAL).isBefore(Instant.now())) {
            refusesButtons.remove(instance.idInstance());
            return false;
        }
        return refused != null;
    }

    private static boolean fitsInteractive(OutboundMessage message) {
        return message.buttons().size() <= MAX_BUTTONS && message.text() != null
                && message.text().length() <= MAX_BUTTON_BODY
                && message.buttons().stream().allMatch(b -> b.title() != null && b.title().length() <= MAX_BUTTON_TEXT);
    }

    private static List<ReplyButton> replyButtons(List<Button> buttons) {
        List<ReplyButton> result = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            result.add(new ReplyButton(idOf(buttons.get(i), i), buttons.get(i).title()));
        }
        return result;
    }

    private static List<LinkButton> linkButtons(List<Button> buttons) {
        List<LinkButton> result = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            result.add(LinkButton.of(idOf(buttons.get(i), i), buttons.get(i).title(), buttons.get(i).url()));
        }
        return result;
    }

    private static String idOf(Button button, int index) {
        return button.id() == null || button.id().isBlank() ? Integer.toString(index + 1) : button.id();
    }

    /** The choices as numbered lines, as the platform writes them for channels without buttons. */
    static String numbered(String text, List<Button> buttons) {
        StringBuilder result = new StringBuilder(text == null ? "" : text).append('\n');
        for (int i = 0; i < buttons.size(); i++) {
            Button button = buttons.get(i);
            result.append('\n').append(i + 1).append(" — ").append(button.title());
            if (button.url() != null) {
                result.append(": ").append(button.url());
            }
        }
        return result.toString();
    }

    /** Green API tells a file's type by the extension of its name: take the given name or the URL's. */
    static String fileName(OutboundMessage.Media media) throws GreenApiException {
        if (media.fileName() != null && hasExtension(media.fileName())) {
            return media.fileName();
        }
        String path = URI.create(media.url()).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (hasExtension(last)) {
            return last;
        }
        throw GreenApiException.unsendable("Green API needs a file name with an extension to send a file: give "
                + "media.fileName, like menu.pdf");
    }

    private static boolean hasExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 && name.substring(dot + 1).toLowerCase(Locale.ROOT).matches("[a-z0-9]{1,8}");
    }
}
