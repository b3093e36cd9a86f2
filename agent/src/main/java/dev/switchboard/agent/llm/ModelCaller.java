package dev.switchboard.agent.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an OpenAI-compatible endpoint through LangChain4j's {@code OpenAiChatModel}, with our own
 * retries instead of its built-in ones: only failures that may pass (429 except quota, 5xx,
 * timeouts, lost connections), honouring {@code retry-after}, and never beyond an overall
 * deadline, so a dead endpoint costs the person waiting a bounded time before the fallback
 * answers. LangChain4j's retries would also log the provider's error body, which can quote a key.
 */
public class ModelCaller {

    private static final Logger log = LoggerFactory.getLogger(ModelCaller.class);

    private final java.net.http.HttpClient http;
    private final LlmProperties properties;
    private final ModelCalls calls;

    public ModelCaller(LlmProperties properties, ModelCalls calls) {
        this.properties = properties;
        this.calls = calls;
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    /** The model's answer, or why there is none. */
    public String complete(LlmEndpoint endpoint, List<ChatMessage> messages) throws ModelUnavailableException {
        long deadline = System.nanoTime() + properties.deadline().toNanos();
        Duration perAttempt = endpoint.timeout() != null ? endpoint.timeout() : properties.timeout();
        ModelFailure failure = null;
        int attempt = 0;
        while (attempt <= properties.maxRetries()) {
            Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
            if (remaining.toMillis() < 50) {
                break;
            }
            attempt++;
            long started = System.nanoTime();
            try {
                String text = once(endpoint, messages, min(perAttempt, remaining));
                calls.record(ModelCalls.SUCCESS, Duration.ofNanos(System.nanoTime() - started));
                return text;
            } catch (RuntimeException e) {
                failure = ModelFailure.of(e);
                calls.record(failure.outcome(), Duration.ofNanos(System.nanoTime() - started));
                log.info("model call failed endpoint={} model={} attempt={} failure={}", endpoint.host(),
                        endpoint.model(), attempt, failure);
                if (!failure.retryable() || !pause(failure, attempt, deadline)) {
                    break;
                }
            }
        }
        throw failure == null ? new ModelUnavailableException("no time left to call the model")
                : new ModelUnavailableException(failure, attempt);
    }

    private String once(LlmEndpoint endpoint, List<ChatMessage> messages, Duration timeout) {
        OpenAiChatModel.OpenAiChatModelBuilder model = OpenAiChatModel.builder()
                .httpClientBuilder(new ModelHttpClient.Builder(http))
                .baseUrl(endpoint.baseUrl())
                .modelName(endpoint.model())
                .temperature(endpoint.temperature())
                .timeout(timeout)
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false);
        if (endpoint.apiKey() != null) {
            model.apiKey(endpoint.apiKey().reveal());
        }
        if (properties.maxReplyTokens() > 0) {
            model.maxTokens(properties.maxReplyTokens());
        }
        ChatResponse response = model.build().chat(ChatRequest.builder().messages(messages).build());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("empty answer");
        }
        return text;
    }

    /** Waits before the next attempt; false when the wait would pass the deadline (then the caller gives up now). */
    private boolean pause(ModelFailure failure, int attempt, long deadline) {
        long base = properties.initialBackoff().toMillis() << (attempt - 1);
        long wait = failure.retryAfter() != null ? failure.retryAfter().toMillis()
                : base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        if (System.nanoTime() + Duration.ofMillis(wait).toNanos() >= deadline - Duration.ofMillis(100).toNanos()) {
            return false;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
