package dev.switchboard.agent.faq;

import dev.switchboard.agent.knowledge.Passage;
import dev.switchboard.agent.knowledge.Retriever;
import dev.switchboard.core.agent.AgentReply;
import java.util.List;
import java.util.Optional;

/**
 * The offline answer to a message: small talk gets a canned reply; a question gets the
 * best-matching passage of the tenant's documents when it scores at least the threshold;
 * anything else is handed to a person, with the hand-off line. Used by the {@code faq} agent, and
 * by the {@code llm} agent when its model cannot be reached.
 */
public class FaqResponder {

    public static final String NO_ANSWER = "no answer in the knowledge";

    private final Retriever retriever;
    private final SmallTalk smallTalk;
    private final double threshold;
    private final String handOffLine;

    public FaqResponder(Retriever retriever, FaqProperties properties, String handOffLine) {
        this.retriever = retriever;
        this.smallTalk = new SmallTalk(properties);
        this.threshold = properties.threshold();
        this.handOffLine = handOffLine;
    }

    /** Answers from a fresh search of the tenant's knowledge. */
    public AgentReply respond(String message) {
        Optional<String> small = smallTalk.answer(message);
        if (small.isPresent()) {
            return AgentReply.say(small.get());
        }
        return respond(message, retriever.search(message, 1));
    }

    /** Answers from passages already found for the message, best first. */
    public AgentReply respond(String message, List<Passage> ranked) {
        Optional<String> small = smallTalk.answer(message);
        if (small.isPresent()) {
            return AgentReply.say(small.get());
        }
        return best(ranked)
                .map(passage -> AgentReply.say(AnswerText.of(passage.text())))
                .orElseGet(this::handOff);
    }

    /** The best passage, when it is good enough to be the answer. */
    public Optional<Passage> best(List<Passage> ranked) {
        return ranked.isEmpty() || ranked.get(0).score() < threshold ? Optional.empty() : Optional.of(ranked.get(0));
    }

    public AgentReply handOff() {
        return new AgentReply(List.of(handOffLine), true, NO_ANSWER);
    }
}
