package dev.switchboard.agent.llm;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.agent.llm.*}: how the {@code llm} agent calls a tenant's model endpoint.
 *
 * @param timeout         one attempt's limit, headers and body (a tenant may set its own, {@code llm.timeoutSeconds})
 * @param deadline        all attempts and waits together; keep it well below the worker lease (60 s), or a slow
 *                        model makes a second node think the message was abandoned
 * @param maxRetries      further attempts after a 429, 5xx, timeout or lost connection
 * @param initialBackoff  wait before the first retry (doubled each time, with jitter) unless the endpoint says
 * @param connectTimeout  TCP connect limit
 * @param passages        passages retrieved for the prompt
 * @param minPassageScore passages scoring below this are left out of the prompt
 * @param contextTokens   budget of the passages in the prompt
 * @param historyTokens   budget of the conversation's earlier messages in the prompt (newest kept)
 * @param maxReplyTokens  {@code max_tokens} of the reply; 0: not sent
 */
@Validated
@ConfigurationProperties("switchboard.agent.llm")
public record LlmProperties(
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("40s") Duration deadline,
        @DefaultValue("2") @Min(0) @Max(5) int maxRetries,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("4") @Min(1) @Max(20) int passages,
        @DefaultValue("0.15") @DecimalMin("-1") @DecimalMax("1") double minPassageScore,
        @DefaultValue("1500") @Min(0) int contextTokens,
        @DefaultValue("1000") @Min(0) int historyTokens,
        @DefaultValue("1000") @Min(0) int maxReplyTokens) {
}
