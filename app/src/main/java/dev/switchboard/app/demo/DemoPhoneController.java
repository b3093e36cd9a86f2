package dev.switchboard.app.demo;

import java.util.List;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The guest's phone (demo mode only): chat with the demo business on the emulated Telegram or
 * WhatsApp as a guest would, while the inbox shows the same conversation from the business's side.
 */
@Controller
@Conditional(DemoMode.class)
@RequestMapping("/demo/phone")
class DemoPhoneController {

    private static final int MAX_TEXT = 4096;

    private final DemoSandbox sandbox;

    DemoPhoneController(DemoSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GetMapping
    String phone(@RequestParam(defaultValue = "telegram") String app, Model model) {
        chatModel(app, model);
        model.addAttribute("botUsername", DemoSandbox.BOT_USERNAME);
        model.addAttribute("whatsAppNumber", "+" + DemoSandbox.INSTANCE_PHONE);
        return "demo/phone";
    }

    /** The chat alone, polled by the page. */
    @GetMapping("/chat")
    String chat(@RequestParam(defaultValue = "telegram") String app, Model model) {
        chatModel(app, model);
        return "demo/phone :: chat";
    }

    @PostMapping("/send")
    String send(@RequestParam(defaultValue = "telegram") String app, @RequestParam(defaultValue = "") String text,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String message = text.strip();
        if (!message.isEmpty()) {
            message = message.length() > MAX_TEXT ? message.substring(0, MAX_TEXT) : message;
            if (whatsApp(app)) {
                sandbox.chats().sayOnWhatsApp(message);
            } else {
                sandbox.chats().sayOnTelegram(message);
            }
        }
        if (htmx == null) {
            return "redirect:/demo/phone?app=" + (whatsApp(app) ? "whatsapp" : "telegram");
        }
        chatModel(app, model);
        return "demo/phone :: chat";
    }

    /** The guest taps an inline button under a Telegram message. */
    @PostMapping("/tap")
    String tap(@RequestParam long messageId, @RequestParam String data, @RequestParam String label) {
        sandbox.chats().tapOnTelegram(messageId, data, label);
        return "redirect:/demo/phone?app=telegram";
    }

    private void chatModel(String app, Model model) {
        boolean whatsApp = whatsApp(app);
        List<PhoneChats.Line> lines = whatsApp ? sandbox.chats().whatsApp() : sandbox.chats().telegram();
        model.addAttribute("app", whatsApp ? "whatsapp" : "telegram");
        model.addAttribute("lines", lines);
    }

    private static boolean whatsApp(String app) {
        return "whatsapp".equals(app);
    }
}
