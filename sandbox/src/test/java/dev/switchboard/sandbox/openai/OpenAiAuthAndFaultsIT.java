package dev.switchboard.sandbox.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys, armed faults, latency and the control surface. */
class OpenAiAuthAndFaultsIT {

    private static final String KEY = "sk-proj-sandboxKey0123456789abcdefXYZ9";

    static OpenAiEmulator openai;
    static OpenAiHttp http;

    @BeforeAll
    static void start() {
        openai = OpenAiEmulator.start();
        http = new OpenAiHttp(openai.baseUrl());
    }

    @AfterAll
    static void stop() {
        openai.close();
    }

    @BeforeEach
    void reset() {
        openai.reset();
        openai.latency(Duration.ZERO);
        http.apiKey(null);
    }

    private static String hello() {
        return OpenAiHttp.body("gpt-4o-mini", "user", "hello");
    }

    @Test
    void configuredKeysAreRequired() {
        assertThat(http.chat(hello()).status()).as("no key configured: open").isEqualTo(200);
        openai.requireApiKey(KEY);

        OpenAiHttp.Reply missing = http.chat(hello());
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error().path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(missing.error().path("message").asString()).startsWith("You didn't provide an API key.");

        http.apiKey("sk-proj-wrongKey0123456789abcdefABCD");
        OpenAiHttp.Reply wrong = http.chat(hello());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error().path("code").asString()).isEqualTo("invalid_api_key");
        assertThat(wrong.error().path("message").asString()).startsWith("Incorrect API key provided: sk-")
                .doesNotContain("wrongKey0123456789abcdef");
        assertThat(http.get("/models").status()).isEqualTo(401);

        http.apiKey(KEY);
        assertThat(http.chat(hello()).status()).isEqualTo(200);
        assertThat(openai.requests()).extracting(ChatRequest::authorizationPresent)
                .containsExactly(false, false, true, true);
        assertThat(openai.requests()).allSatisfy(request -> assertThat(request.toString()).doesNotContain(KEY));
        assertThat(openai.calls()).extracting(ApiCall::status).containsExactly(200, 401, 401, 401, 200);
        assertThat(openai.calls().get(1).errorCode()).isEqualTo("invalid_request_error");
        assertThat(openai.calls().get(2).errorCode()).isEqualTo("invalid_api_key");
    }

    @Test
    void faultsFireInOrderAndCountDown() {
        openai.armFault(Fault.rateLimited(Duration.ofMillis(1500)), 1);
        openai.armFault(Fault.serverError(), 1);
        openai.armFault(Fault.overloaded(), 1);
        openai.armFault(Fault.insufficientQuota(), 1);
        openai.armFault(Fault.unauthorized(), 1);

        OpenAiHttp.Reply limited = http.chat(hello());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.raw().headers().firstValue("retry-after").orElseThrow()).isEqualTo("2");
        assertThat(limited.raw().headers().firstValue("retry-after-ms").orElseThrow()).isEqualTo("1500");
        assertThat(limited.error().path("code").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.error().path("message").asString()).contains("gpt-4o-mini");

        OpenAiHttp.Reply server = http.chat(hello());
        assertThat(server.status()).isEqualTo(500);
        assertThat(server.error().path("type").asString()).isEqualTo("server_error");
        assertThat(http.chat(hello()).status()).isEqualTo(503);
        OpenAiHttp.Reply quota = http.chat(hello());
        assertThat(quota.status()).isEqualTo(429);
        assertThat(quota.error().path("code").asString()).isEqualTo("insufficient_quota");
        assertThat(quota.raw().headers().firstValue("retry-after")).isEmpty();
        assertThat(http.chat(hello()).error().path("code").asString()).isEqualTo("invalid_api_key");
        assertThat(http.chat(hello()).status()).isEqualTo(200);
        assertThat(openai.requests()).hasSize(6);
    }

    @Test
    void hangsAndLatencyDelayAnswersAndDroppedConnectionsGiveNone() throws Exception {
        openai.armFault(Fault.hang(Duration.ofSeconds(1)), 1);
        HttpRequest slow = http.request("/chat/completions").header("Content-Type", "application/json")
                .timeout(Duration.ofMillis(200)).POST(HttpRequest.BodyPublishers.ofString(hello())).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(slow, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(HttpTimeoutException.class);

        openai.latency(Duration.ofMillis(150));
        long started = System.nanoTime();
        assertThat(http.chat(hello()).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        openai.latency(Duration.ZERO);

        openai.armFault(Fault.dropConnection(), 1);
        assertThatThrownBy(() -> http.chat(hello())).isInstanceOf(UncheckedIOException.class);
        assertThat(openai.calls().get(openai.calls().size() - 1).status()).isZero();
    }

    @Test
    void theControlSurfaceOverHttp() {
        HttpClient client = HttpClient.newHttpClient();
        String control = openai.rootUrl() + "/_sandbox/openai";
        assertThat(post(client, control + "/replies", "{\"text\": \"scripted\", \"times\": 1}")).isEqualTo(200);
        assertThat(post(client, control + "/models", "{\"ids\": [\"local-model\"]}")).isEqualTo(200);
        assertThat(http.chat(OpenAiHttp.body("local-model", "user", "hi")).content()).isEqualTo("scripted");
        assertThat(post(client, control + "/keys", "{\"key\": \"" + KEY + "\"}")).isEqualTo(200);
        assertThat(http.chat(OpenAiHttp.body("local-model", "user", "hi")).status()).isEqualTo(401);
        assertThat(post(client, control + "/faults", "{\"fault\": \"volcano\"}")).isEqualTo(400);
        String requests = http.send(HttpRequest.newBuilder(URI.create(control + "/requests")).GET()).body();
        assertThat(requests).contains("\"authorization_present\":false").contains("local-model").doesNotContain(KEY);
        assertThat(post(client, control + "/reset", "")).isEqualTo(200);
        assertThat(openai.requests()).isEmpty();
    }

    private static int post(HttpClient client, String url, String body) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
