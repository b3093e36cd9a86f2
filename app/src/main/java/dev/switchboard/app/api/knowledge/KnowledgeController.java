package dev.switchboard.app.api.knowledge;

import dev.switchboard.agent.knowledge.DocumentFormat;
import dev.switchboard.agent.knowledge.KnowledgeDocuments;
import dev.switchboard.agent.knowledge.Passage;
import dev.switchboard.agent.knowledge.Retriever;
import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.app.api.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's knowledge: documents the {@code faq} and {@code llm} agents answer from (Markdown or
 * plain text, up to 1 MB), and a search that shows what the agent would find for a question. A
 * document is searchable when {@code POST} answers {@code 201}; a large one is answered {@code 202}
 * with {@code status: indexing} and becomes searchable slice by slice.
 */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeController {

    /** @param format {@code markdown} (the default) or {@code text} */
    record DocumentRequest(@NotBlank @Size(max = 300) String title, @NotBlank String content,
                           @Pattern(regexp = "markdown|text", message = "must be markdown or text") String format) {
        DocumentFormat documentFormat() {
            return format == null ? DocumentFormat.MARKDOWN : DocumentFormat.fromWire(format).orElseThrow();
        }
    }

    record PassageView(UUID documentId, String title, String heading, String text, double score, double similarity,
                       double lexical) {
        static PassageView of(Passage p) {
            return new PassageView(p.documentId(), p.title(), p.heading(), p.text(), round(p.score()),
                    round(p.similarity()), round(p.lexical()));
        }

        private static double round(double value) {
            return Math.round(value * 10_000) / 10_000.0;
        }
    }

    record SearchResult(String query, List<PassageView> items) {
    }

    private final KnowledgeDocuments documents;
    private final Retriever retriever;

    KnowledgeController(KnowledgeDocuments documents, Retriever retriever) {
        this.documents = documents;
        this.retriever = retriever;
    }

    @PostMapping("/documents")
    ResponseEntity<DocumentView> add(@Valid @RequestBody DocumentRequest request) {
        ApiTenant.require();
        DocumentView created = DocumentView.of(documents.add(request.title(), request.content(), request.documentFormat()));
        URI location = URI.create("/api/v1/knowledge/documents/" + created.id());
        return created.ready() ? ResponseEntity.created(location).body(created)
                : ResponseEntity.accepted().location(location).body(created);
    }

    @GetMapping("/documents")
    PageResponse<DocumentView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        ApiTenant.require();
        return PageResponse.of(documents.list(page, size), DocumentView::summary);
    }

    @GetMapping("/documents/{id}")
    DocumentView get(@PathVariable UUID id) {
        ApiTenant.require();
        return DocumentView.of(documents.get(id));
    }

    /** Replaces title and content; the passages are cut and embedded anew ({@code 202} while a large one is). */
    @PutMapping("/documents/{id}")
    ResponseEntity<DocumentView> replace(@PathVariable UUID id, @Valid @RequestBody DocumentRequest request) {
        ApiTenant.require();
        DocumentView replaced = DocumentView.of(documents.replace(id, request.title(), request.content(),
                request.documentFormat()));
        return replaced.ready() ? ResponseEntity.ok(replaced) : ResponseEntity.accepted().body(replaced);
    }

    @DeleteMapping("/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        ApiTenant.require();
        documents.delete(id);
    }

    /** The passages the agent would find for {@code q}, best first, with their scores. */
    @GetMapping("/search")
    SearchResult search(@RequestParam @NotBlank @Size(max = 2000) String q,
                        @RequestParam(defaultValue = "3") @Min(1) @Max(20) int k) {
        ApiTenant.require();
        return new SearchResult(q, retriever.search(q, k).stream().map(PassageView::of).toList());
    }
}
