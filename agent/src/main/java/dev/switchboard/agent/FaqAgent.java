package dev.switchboard.agent;

import dev.switchboard.agent.faq.FaqResponder;
import dev.switchboard.core.agent.AgentReply;
import dev.switchboard.core.agent.AgentRequest;
import dev.switchboard.core.agent.AgentService;
import java.util.List;

/**
 * {@code faq}: offline, no model server. Answers with the best-matching passage of the tenant's
 * documents when it is close enough, greets and thanks, and otherwise says a person will reply and
 * hands the conversation over. The default agent of a new tenant.
 */
class FaqAgent implements AgentService {

    static final String KIND = "faq";
    static final String NO_TEXT = "a message without text";

    private final FaqResponder faq;

    FaqAgent(FaqResponder faq) {
        this.faq = faq;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** It answers the message alone, from the tenant's documents. */
    @Override
    public boolean readsHistory() {
        return false;
    }

    @Override
    public AgentReply reply(AgentRequest request) {
        String text = request.message().text();
        if (text == null || text.isBlank()) {
            return withoutText(faq);
        }
        return ReplySplitter.fit(faq.respond(text), request.channel().maxTextLength());
    }

    static AgentReply withoutText(FaqResponder faq) {
        return new AgentReply(List.copyOf(faq.handOff().messages()), true, NO_TEXT);
    }
}
