package dev.switchboard.core.agent;

/**
 * The AI agent SPI: given the conversation so far and the new message, return replies, or hand
 * the conversation to a person. One implementation per {@link #kind()}; each tenant chooses one.
 */
public interface AgentService {

    /** {@code none}, {@code echo}, {@code faq}, {@code llm}, ... */
    String kind();

    AgentReply reply(AgentRequest request) throws Exception;
}
