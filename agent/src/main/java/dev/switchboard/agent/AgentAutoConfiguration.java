package dev.switchboard.agent;

import dev.switchboard.core.agent.AgentService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Contributes the agent kinds of this module. */
@AutoConfiguration
class AgentAutoConfiguration {

    @Bean
    AgentService echoAgent() {
        return new EchoAgent();
    }
}
