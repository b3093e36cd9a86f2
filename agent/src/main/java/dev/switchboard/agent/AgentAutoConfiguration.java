package dev.switchboard.agent;

import dev.switchboard.agent.faq.FaqProperties;
import dev.switchboard.agent.faq.FaqResponder;
import dev.switchboard.agent.knowledge.KnowledgeConfiguration;
import dev.switchboard.agent.knowledge.Retriever;
import dev.switchboard.agent.llm.LlmProperties;
import dev.switchboard.agent.llm.ModelCaller;
import dev.switchboard.agent.llm.ModelCalls;
import dev.switchboard.agent.llm.PromptBuilder;
import dev.switchboard.agent.llm.TokenCounter;
import dev.switchboard.core.agent.AgentService;
import dev.switchboard.core.config.SwitchboardProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Contributes the agent kinds of this module ({@code echo}, {@code faq}, {@code llm}) and the knowledge they answer from. */
@AutoConfiguration
@Import(KnowledgeConfiguration.class)
@EnableConfigurationProperties({FaqProperties.class, LlmProperties.class})
class AgentAutoConfiguration {

    @Bean
    AgentService echoAgent() {
        return new EchoAgent();
    }

    @Bean
    FaqResponder faqResponder(Retriever retriever, FaqProperties properties, SwitchboardProperties switchboard) {
        return new FaqResponder(retriever, properties, switchboard.agent().handoffReply());
    }

    @Bean
    AgentService faqAgent(FaqResponder faq) {
        return new FaqAgent(faq);
    }

    @Bean
    ModelCaller modelCaller(LlmProperties properties, ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return new ModelCaller(properties, meters == null ? ModelCalls.NONE : ModelCalls.micrometer(meters));
    }

    @Bean
    AgentService llmAgent(Retriever retriever, ModelCaller model, FaqResponder faq, LlmProperties properties) {
        PromptBuilder prompts = new PromptBuilder(new TokenCounter(), properties.contextTokens(), properties.historyTokens());
        return new LlmAgent(retriever, prompts, model, faq, properties.passages(), properties.minPassageScore());
    }
}
