package dev.switchboard.app.demo;

import dev.switchboard.sandbox.greenapi.GreenSent;
import dev.switchboard.sandbox.telegram.SentMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guest's side of the demo: what the guest wrote (kept here) and what the business sent
 * (read from the emulators, exactly as the providers received it), in order, per app.
 */
public final class PhoneChats {

    /** @param buttons inline buttons under a business message, which the guest may tap */
    public record Line(boolean fromGuest, String text, Instant at, List<Button> buttons) {
    }

    public record Button(String text, String data, long messageId) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DemoSandbox sandbox;
    private final List<Line> guestOnTelegram = new CopyOnWriteArrayList<>();
    private final List<Line> guestOnWhatsApp = new CopyOnWriteArrayList<>();

    PhoneChats(DemoSandbox sandbox) {
        this.sandbox = sandbox;
    }

    public List<Line> telegram() {
        List<Line> lines = new ArrayList<>(guestOnTelegram);
        for (SentMessage sent : sandbox.telegram().sentMessages(sandbox.bot().token(), DemoSandbox.GUEST.id())) {
            if (sent.method().startsWith("send")) {
                String text = sent.text() != null ? sent.text() : sent.caption() != null ? sent.caption()
                        : "[" + sent.method().substring(4).toLowerCase() + "]";
                lines.add(new Line(false, text, sent.at(), buttons(sent)));
            }
        }
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }

    public List<Line> whatsApp() {
        List<Line> lines = new ArrayList<>(guestOnWhatsApp);
        String chat = DemoSandbox.GUEST_PHONE + "@c.us";
        for (GreenSent sent : sandbox.greenApi().sent(sandbox.instance().idInstance())) {
            if (chat.equals(sent.chatId())) {
                lines.add(new Line(false, whatsAppText(sent.body()), sent.at(), List.of()));
            }
        }
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }

    public void sayOnTelegram(String text) {
        guestOnTelegram.add(new Line(true, text, sandbox.telegram().now(), List.of()));
        sandbox.telegram().injectText(sandbox.bot().token(), DemoSandbox.GUEST, text);
    }

    public void tapOnTelegram(long messageId, String data, String label) {
        guestOnTelegram.add(new Line(true, "\u25B8 " + label, sandbox.telegram().now(), List.of()));
        sandbox.telegram().injectCallback(sandbox.bot().token(), DemoSandbox.GUEST, messageId, data);
    }

    public void sayOnWhatsApp(String text) {
        guestOnWhatsApp.add(new Line(true, text, sandbox.greenApi().now(), List.of()));
        sandbox.greenApi().injectText(sandbox.instance().idInstance(), DemoSandbox.GUEST_PHONE, DemoSandbox.GUEST_NAME,
                text);
    }

    private static List<Button> buttons(SentMessage sent) {
        if (sent.replyMarkup() == null) {
            return List.of();
        }
        List<Button> buttons = new ArrayList<>();
        JsonNode keyboard = JSON.readTree(sent.replyMarkup()).path("inline_keyboard");
        for (JsonNode row : keyboard) {
            for (JsonNode button : row) {
                if (button.has("callback_data")) {
                    buttons.add(new Button(button.path("text").asString(), button.path("callback_data").asString(),
                            sent.messageId()));
                }
            }
        }
        return buttons;
    }

    private static String whatsAppText(Map<String, Object> body) {
        for (String field : new String[] {"message", "caption", "body", "fileName"}) {
            if (body.get(field) instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return "[message]";
    }
}
