package dev.switchboard.app.ui;

import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.conversation.Conversations;
import dev.switchboard.core.outbound.OutboundMessages;
import dev.switchboard.core.support.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox: conversations across the tenant's channels, newest first; one conversation with its
 * messages, a reply box and the bot/person switch. Pages follow {@code /inbox/events} (server-sent
 * events) and re-fetch their list or thread when it says something changed.
 */
@Controller
@RequestMapping("/inbox")
class InboxController {

    private static final int MAX_QUERY = 200;

    private final InboxQueries inbox;
    private final OutboundMessages outbound;
    private final Conversations conversations;
    private final LiveUpdates live;

    InboxController(InboxQueries inbox, OutboundMessages outbound, Conversations conversations, LiveUpdates live) {
        this.inbox = inbox;
        this.outbound = outbound;
        this.conversations = conversations;
        this.live = live;
    }

    @GetMapping
    String inbox(@RequestParam(required = false) String q, Model model) {
        UiTenant.require();
        listModel(model, q, null);
        return "inbox";
    }

    /** The list alone, for the live refresh. */
    @GetMapping("/list")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID current, Model model) {
        UiTenant.require();
        listModel(model, q, current);
        return "inbox :: list";
    }

    @GetMapping("/{id}")
    String conversation(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        UiTenant.require();
        model.addAttribute("thread", inbox.thread(id));
        model.addAttribute("reply", ReplyState.empty());
        listModel(model, q, id);
        return "conversation";
    }

    /** The messages alone, for the live refresh. */
    @GetMapping("/{id}/messages")
    String messages(@PathVariable UUID id, Model model) {
        UiTenant.require();
        model.addAttribute("thread", inbox.thread(id));
        return "conversation :: refresh";
    }

    /** A person's reply; from htmx the answer is a fresh reply form, the thread refreshes by itself. */
    @PostMapping("/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        UiTenant.require();
        ReplyState state;
        try {
            if (text.isBlank()) {
                throw InvalidInputException.of("text", "write something first");
            }
            outbound.reply(id, text);
            state = ReplyState.empty();
            response.setHeader("HX-Trigger", "thread-changed");
        } catch (InvalidInputException e) {
            state = new ReplyState(text, e.errors().get(0).message());
        } catch (ConflictException e) {
            state = new ReplyState(text, "Not sent: " + e.getMessage() + ". Enable the channel on the Channels page.");
        }
        if (htmx == null) {
            if (state.error() != null) {
                redirect.addFlashAttribute("problem", state.error());
            }
            return "redirect:/inbox/" + id;
        }
        model.addAttribute("thread", new ThreadIdOnly(id));
        model.addAttribute("reply", state);
        return "conversation :: reply";
    }

    @PostMapping("/{id}/handoff")
    String handOff(@PathVariable UUID id, @RequestParam String mode, RedirectAttributes redirect) {
        UiTenant.require();
        conversations.handOff(id, mode);
        redirect.addFlashAttribute("notice", "human".equals(mode)
                ? "You answer this conversation now; the bot stays quiet until you hand it back."
                : "The bot answers this conversation again.");
        return "redirect:/inbox/" + id;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events() {
        return live.subscribe(UiTenant.require().id());
    }

    private void listModel(Model model, String q, UUID current) {
        String query = q == null ? "" : q.trim();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        List<ConversationRow> rows = inbox.list(query);
        model.addAttribute("q", query);
        model.addAttribute("rows", rows);
        model.addAttribute("current", current);
        model.addAttribute("listUrl", listUrl(query, current));
    }

    private static String listUrl(String q, UUID current) {
        StringBuilder url = new StringBuilder("/inbox/list?q=").append(java.net.URLEncoder.encode(q,
                java.nio.charset.StandardCharsets.UTF_8));
        if (current != null) {
            url.append("&current=").append(current);
        }
        return url.toString();
    }

    /** The reply box: empty after a send, or the text kept with the reason it was not sent. */
    public record ReplyState(String text, String error) {
        static ReplyState empty() {
            return new ReplyState("", null);
        }
    }

    /** Enough of a thread for the reply form's action. */
    public record ThreadIdOnly(UUID id) {
    }

}
