package dev.switchboard.agent;

import dev.switchboard.agent.faq.FaqResponder;
import dev.switchboard.agent.knowledge.Passage;
import dev.switchboard.agent.knowledge.Retriever;
import dev.switchboard.agent.llm.LlmEndpoint;
import dev.switchboard.agent.llm.ModelCaller;
import dev.switchboard.agent.llm.ModelUnavailableException;
import dev.switchboard.agent.llm.Prompt;
import dev.switchboard.agent.llm.PromptBuilder;
import dev.switchboard.core.agent.AgentReply;
import dev.switchboard.core.agent.AgentRequest;
import dev.switchboard.core.agent.AgentService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code llm}: the tenant's OpenAI-compatible model answers, given the tenant's system prompt,
 * the passages of its documents that match the message and the conversation's recent history.
 * When the model cannot be reached (down, 5xx, timeouts, a revoked key), the {@code faq} answer
 * goes out instead — a passage or the hand-off — never silence. A model that answers
 * {@value PromptBuilder#HANDOFF} hands the conversation to a person.
 */
class LlmAgent implements AgentService {

    static final String KIND = "llm";
    static final String MODEL_HANDED_OVER = "the model handed over";

    private static final Logger log = LoggerFactory.getLogger(LlmAgent.class);

    private final Retriever retriever;
    private final PromptBuilder prompts;
    private final ModelCaller model;
    private final FaqResponder faq;
    private final int passages;
    private final double minPassageScore;

    LlmAgent(Retriever retriever, PromptBuilder prompts, ModelCaller model, FaqResponder faq, int passages,
             double minPassageScore) {
        this.retriever = retriever;
        this.prompts = prompts;
        this.model = model;
        this.faq = faq;
        this.passages = passages;
        this.minPassageScore = minPassageScore;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public AgentReply reply(AgentRequest request) {
        String text = request.message().text();
        if (text == null || text.isBlank()) {
            return FaqAgent.withoutText(faq);
        }
        List<Passage> ranked = retriever.search(text, passages);
        int maxLength = request.channel().maxTextLength();
        Optional<LlmEndpoint> endpoint = LlmEndpoint.of(request.settings());
        if (endpoint.isEmpty()) {
            log.warn("llm agent without a model endpoint, answering offline tenant={} conversation={}",
                    request.tenant().slug(), request.conversationId());
            return ReplySplitter.fit(faq.respond(text, ranked), maxLength);
        }
        List<Passage> context = ranked.stream().filter(p -> p.score() >= minPassageScore).toList();
        Prompt prompt = prompts.build(request.settings().systemPrompt(), context, request.history(), text);
        log.debug("model prompt tenant={} conversation={} passages={} historyTurns={} tokens~{}", request.tenant().slug(),
                request.conversationId(), prompt.passages().size(), prompt.historyTurns(), prompt.estimatedTokens());
        try {
            String answer = model.complete(endpoint.get(), prompt.messages());
            if (handsOver(answer)) {
                AgentReply handOff = faq.handOff();
                return new AgentReply(handOff.messages(), true, MODEL_HANDED_OVER);
            }
            return ReplySplitter.fit(AgentReply.say(answer.strip()), maxLength);
        } catch (ModelUnavailableException e) {
            log.warn("model unavailable, answering offline tenant={} conversation={} model={}: {}",
                    request.tenant().slug(), request.conversationId(), endpoint.get().model(), e.getMessage());
            return ReplySplitter.fit(faq.respond(text, ranked), maxLength);
        }
    }

    /** The model's own hand-off: the word alone, perhaps quoted or with a full stop. */
    static boolean handsOver(String answer) {
        String bare = answer.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
        return bare.toUpperCase(Locale.ROOT).equals(PromptBuilder.HANDOFF);
    }
}
