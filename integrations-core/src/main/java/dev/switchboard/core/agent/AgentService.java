package dev.switchboard.core.agent;

/**
 * The AI agent SPI: given the conversation so far and the new message, return replies, or hand
 * the conversation to a person. One implementation per {@link #kind()}; each tenant chooses one.
 */
public interface AgentService {

    /** {@code none}, {@code echo}, {@code faq}, {@code llm}, ... */
    String kind();

    AgentReply reply(AgentRequest request) throws Exception;

    /**
     * Whether a reply costs only a moment of this node's CPU (no remote call, no model): then a
     * worker answers a tenant's waiting messages together; otherwise each message is taken by a
     * worker of its own, so that slow replies are computed side by side.
     */
    default boolean immediate() {
        return false;
    }

    /**
     * Whether it reads {@link AgentRequest#history()}; an agent that does not is spared the read
     * (a statement per message).
     */
    default boolean readsHistory() {
        return true;
    }
}
