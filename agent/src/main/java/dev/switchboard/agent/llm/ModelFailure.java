package dev.switchboard.agent.llm;

import java.time.Duration;
import java.util.Set;

/**
 * Why a call to a model endpoint failed, told without the provider's message (which may quote a
 * masked key): an outcome, the HTTP status and the provider's error code.
 *
 * @param status     0 when there was no HTTP answer
 * @param retryAfter what the endpoint asked for, null when it did not say
 */
record ModelFailure(String outcome, int status, String code, Duration retryAfter) {

    static final String RATE_LIMITED = "rate_limited";
    static final String SERVER_ERROR = "server_error";
    static final String CLIENT_ERROR = "client_error";
    static final String TIMEOUT = "timeout";
    static final String UNREACHABLE = "unreachable";
    static final String INVALID_RESPONSE = "invalid_response";

    /** 429s that are about money, not speed: waiting does not help. */
    private static final Set<String> PERMANENT_429 = Set.of("insufficient_quota", "billing_hard_limit_reached");

    static ModelFailure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ModelHttpException http) {
                int status = http.statusCode();
                String outcome = status == 429 ? RATE_LIMITED : status >= 500 || status == 408 ? SERVER_ERROR : CLIENT_ERROR;
                return new ModelFailure(outcome, status, http.errorCode(), http.retryAfter());
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return new ModelFailure(TIMEOUT, 0, null, null);
            }
            if (t instanceof ModelHttpClient.ModelUnreachableException
                    || t instanceof dev.langchain4j.exception.UnresolvedModelServerException
                    || t instanceof java.io.IOException) {
                return new ModelFailure(UNREACHABLE, 0, null, null);
            }
        }
        return new ModelFailure(INVALID_RESPONSE, 0, thrown.getClass().getSimpleName(), null);
    }

    /** 429 (but not for quota), 5xx, 408, timeouts and lost connections may succeed when tried again. */
    boolean retryable() {
        return switch (outcome) {
            case RATE_LIMITED -> !PERMANENT_429.contains(code);
            case SERVER_ERROR, TIMEOUT, UNREACHABLE -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return outcome + (status > 0 ? " " + status : "") + (code == null ? "" : " " + code);
    }
}
