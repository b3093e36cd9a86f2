package dev.switchboard.app.ui;

import dev.switchboard.agent.knowledge.DocumentFormat;
import dev.switchboard.agent.knowledge.KnowledgeDocument;
import dev.switchboard.agent.knowledge.KnowledgeDocuments;
import dev.switchboard.core.agent.AgentRegistry;
import dev.switchboard.core.agent.AgentSettings;
import dev.switchboard.core.agent.AgentSettingsStore;
import dev.switchboard.core.channel.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Agent &amp; knowledge page. The agent's settings are saved through the API
 * ({@code PUT /api/v1/agent}, by {@code app.js}), which owns their rules (the model key is write-only
 * and bound to its base URL); documents are added and deleted here through {@link KnowledgeDocuments}.
 */
@Controller
@RequestMapping("/agent")
class AgentPageController {

    private static final List<String> DOCUMENT_FIELDS = List.of("title", "content", "file");
    private static final Map<String, String> KIND_HELP = Map.of(
            "none", "Nobody answers automatically: every conversation waits for a person.",
            "echo", "Repeats what the guest wrote. For trying the channels out.",
            "faq", "Answers from your documents below; when they do not cover a question it says a person will "
                    + "reply and hands the conversation over. Works offline.",
            "llm", "A language model (OpenAI, DeepSeek, Ollama, vLLM: any OpenAI-compatible server) answers, "
                    + "using your documents and the conversation so far.");

    private final AgentSettingsStore settings;
    private final AgentRegistry agents;
    private final KnowledgeDocuments documents;

    AgentPageController(AgentSettingsStore settings, AgentRegistry agents, KnowledgeDocuments documents) {
        this.settings = settings;
        this.agents = agents;
        this.documents = documents;
    }

    /** What the form shows: never the model key, only whether one is stored. */
    public record AgentForm(String kind, String systemPrompt, String baseUrl, String model, String temperature,
                     boolean keyStored) {
        static AgentForm of(AgentSettings s) {
            Map<String, Object> llm = s.llm() == null ? Map.of() : s.llm();
            return new AgentForm(s.kind(), s.systemPrompt(), text(llm.get("baseUrl")), text(llm.get("model")),
                    text(llm.get("temperature")), s.llmKey() != null);
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }
    }

    public record KindOption(String kind, String help) {
    }

    public record DocumentState(String title, String content, FormErrors errors) {
        static DocumentState empty() {
            return new DocumentState("", "", FormErrors.none());
        }
    }

    @GetMapping
    String page(Model model) {
        UiTenant.require();
        model.addAttribute("agent", AgentForm.of(settings.current()));
        model.addAttribute("kinds", agents.kinds().stream().sorted()
                .map(k -> new KindOption(k, KIND_HELP.getOrDefault(k, ""))).toList());
        model.addAttribute("documents", documents.list(0, 200).getContent());
        if (!model.containsAttribute("document")) {
            model.addAttribute("document", DocumentState.empty());
        }
        return "agent";
    }

    /** A document from a file (Markdown or text) or typed into the form. */
    @PostMapping("/documents")
    String add(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String content,
               @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        UiTenant.require();
        String name = title.strip();
        String text = content;
        DocumentFormat format = DocumentFormat.MARKDOWN;
        try {
            if (file != null && !file.isEmpty()) {
                text = utf8(file);
                String fileName = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
                format = fileName.toLowerCase(Locale.ROOT).endsWith(".txt") ? DocumentFormat.TEXT : DocumentFormat.MARKDOWN;
                if (name.isEmpty()) {
                    name = fileName.replaceFirst("\\.[A-Za-z0-9]+$", "");
                }
            }
            KnowledgeDocument added = documents.add(name, text, format);
            redirect.addFlashAttribute("notice", "\u201c" + added.title() + "\u201d was added (" + added.chunks()
                    + (added.chunks() == 1 ? " passage" : " passages") + "): the agent answers from it now.");
            return "redirect:/agent#documents";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("document", new DocumentState(title, file != null && !file.isEmpty() ? "" : content,
                    FormErrors.of(e, DOCUMENT_FIELDS, Map.of())));
            return page(model);
        } catch (UnreadableFileException e) {
            response.setStatus(422);
            model.addAttribute("document", new DocumentState(title, "", FormErrors.single("file", e.getMessage())));
            return page(model);
        }
    }

    @PostMapping("/documents/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        UiTenant.require();
        String title = documents.get(id).title();
        documents.delete(id);
        redirect.addFlashAttribute("notice", "\u201c" + title + "\u201d was deleted.");
        return "redirect:/agent#documents";
    }

    private static String utf8(MultipartFile file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("is not UTF-8 text: upload a Markdown (.md) or text (.txt) file");
        } catch (IOException e) {
            throw new UnreadableFileException("could not be read: try again");
        }
    }

    private static final class UnreadableFileException extends RuntimeException {
        UnreadableFileException(String message) {
            super(message);
        }
    }
}
