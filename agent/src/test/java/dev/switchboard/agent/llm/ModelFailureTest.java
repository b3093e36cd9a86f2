package dev.switchboard.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelFailureTest {

    @Test
    void findsTheStatusUnderLangChain4jsWrapping() {
        ModelFailure failure = ModelFailure.of(new RateLimitException(
                new ModelHttpException(429, "rate_limit_exceeded", Duration.ofMillis(1500))));

        assertThat(failure.outcome()).isEqualTo(ModelFailure.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure).hasToString("rate_limited 429 rate_limit_exceeded");
    }

    @Test
    void quotaAndClientErrorsAreNotRetried() {
        assertThat(ModelFailure.of(new ModelHttpException(429, "insufficient_quota", null)).retryable()).isFalse();
        assertThat(ModelFailure.of(new ModelHttpException(401, "invalid_api_key", null)).retryable()).isFalse();
        assertThat(ModelFailure.of(new ModelHttpException(404, "model_not_found", null)).retryable()).isFalse();
    }

    @Test
    void serverErrorsTimeoutsAndLostConnectionsAre() {
        assertThat(ModelFailure.of(new InternalServerException(new ModelHttpException(503, null, null))).retryable()).isTrue();
        assertThat(ModelFailure.of(new dev.langchain4j.exception.TimeoutException(new RuntimeException())).outcome())
                .isEqualTo(ModelFailure.TIMEOUT);
        assertThat(ModelFailure.of(new ModelHttpClient.ModelUnreachableException(new java.net.ConnectException())).outcome())
                .isEqualTo(ModelFailure.UNREACHABLE);
    }

    @Test
    void anythingElseIsAnInvalidResponseThatIsNotRetried() {
        ModelFailure failure = ModelFailure.of(new IllegalStateException("empty answer"));

        assertThat(failure.outcome()).isEqualTo(ModelFailure.INVALID_RESPONSE);
        assertThat(failure.retryable()).isFalse();
    }
}
