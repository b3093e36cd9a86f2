package dev.switchboard.agent.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * A model endpoint answered an error status. Its message names the status and the provider's
 * error code only, never the body: providers quote (masked) API keys in error bodies.
 *
 * @see ModelHttpClient
 */
class ModelHttpException extends HttpException {

    private final String errorCode;
    private final Duration retryAfter;

    ModelHttpException(int status, String errorCode, Duration retryAfter) {
        super(status, "HTTP " + status + (errorCode == null ? "" : " " + errorCode));
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    /** OpenAI's {@code error.code} (or {@code error.type}), null when the body had none. */
    String errorCode() {
        return errorCode;
    }

    /** What {@code retry-after-ms} or {@code retry-after} asked for; null when absent. */
    Duration retryAfter() {
        return retryAfter;
    }
}
