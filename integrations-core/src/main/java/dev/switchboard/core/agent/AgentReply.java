package dev.switchboard.core.agent;

import java.util.List;

/** @param handOff true to switch the conversation to a person, who is then notified */
public record AgentReply(List<String> messages, boolean handOff, String handOffReason) {

    public static AgentReply silence() {
        return new AgentReply(List.of(), false, null);
    }

    public static AgentReply say(String text) {
        return new AgentReply(List.of(text), false, null);
    }
}
