package dev.switchboard.agent.llm;

/** The model endpoint gave no answer, after the retries its failure deserved; the message is safe to log. */
public class ModelUnavailableException extends Exception {

    private final String outcome;

    ModelUnavailableException(ModelFailure last, int attempts) {
        super("model endpoint failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + last);
        this.outcome = last.outcome();
    }

    ModelUnavailableException(String reason) {
        super(reason);
        this.outcome = ModelFailure.CLIENT_ERROR;
    }

    /** rate_limited, server_error, client_error, timeout, unreachable or invalid_response. */
    public String outcome() {
        return outcome;
    }
}
