package dev.switchboard.agent.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transport under LangChain4j's {@code OpenAiChatModel}: one shared JDK client for every
 * tenant's endpoint, a hard timeout on the whole exchange (headers and body, which the JDK's
 * request timeout alone does not bound), and errors as {@link ModelHttpException} carrying the
 * status, the provider's error code and {@code retry-after}, which LangChain4j's own client drops.
 */
final class ModelHttpClient implements HttpClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final java.net.http.HttpClient client;
    private final Duration timeout;

    ModelHttpClient(java.net.http.HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach((name, values) -> values.forEach(value -> jdk.header(name, value)));
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(jdk.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response = await(pending);
        if (response.statusCode() / 100 != 2) {
            throw new ModelHttpException(response.statusCode(), errorCode(response.body()), retryAfter(response));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> pending) {
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new dev.langchain4j.exception.TimeoutException(new java.net.http.HttpTimeoutException(
                    "no complete answer within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new dev.langchain4j.exception.TimeoutException(cause);
            }
            throw new ModelUnreachableException(cause);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming is not used");
    }

    /** {@code error.code}, else {@code error.type}, of an OpenAI-style error body; null when it is not one. */
    static String errorCode(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String code = error.path("code").isString() ? error.path("code").asString() : null;
            String type = error.path("type").isString() ? error.path("type").asString() : null;
            return code != null ? code : type;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> millis = response.headers().firstValue("retry-after-ms");
        Optional<String> seconds = response.headers().firstValue("retry-after");
        try {
            if (millis.isPresent()) {
                return Duration.ofMillis(Long.parseLong(millis.get().trim()));
            }
            if (seconds.isPresent()) {
                return Duration.ofMillis((long) (Double.parseDouble(seconds.get().trim()) * 1000));
            }
        } catch (NumberFormatException e) {
            return null;   // an HTTP date: rare for model APIs; back off by our own schedule
        }
        return null;
    }

    /** The connection failed: refused, reset, closed without an answer. */
    static final class ModelUnreachableException extends RuntimeException {
        ModelUnreachableException(Throwable cause) {
            super(cause == null ? "unreachable" : cause.getClass().getSimpleName(), cause);
        }
    }

    /** What LangChain4j asks for; the timeouts it sets become this client's hard timeout. */
    static final class Builder implements HttpClientBuilder {

        private final java.net.http.HttpClient client;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(java.net.http.HttpClient client) {
            this.client = client;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new ModelHttpClient(client, readTimeout == null ? Duration.ofSeconds(30) : readTimeout);
        }
    }
}
