package dev.switchboard.agent;

import dev.switchboard.core.agent.AgentReply;
import dev.switchboard.core.agent.AgentRequest;
import dev.switchboard.core.agent.AgentService;

/** {@code echo}: replies with what it got. For tests and demos: it makes a round trip observable. */
class EchoAgent implements AgentService {

    static final String KIND = "echo";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean immediate() {
        return true;
    }

    @Override
    public boolean readsHistory() {
        return false;
    }

    @Override
    public AgentReply reply(AgentRequest request) {
        AgentRequest.Turn message = request.message();
        if (message.text() != null && !message.text().isBlank()) {
            return AgentReply.say(message.text());
        }
        return AgentReply.say("[" + message.kind() + "]");
    }
}
