package dev.switchboard.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.switchboard.core.vault.Secret;
import dev.switchboard.sandbox.openai.ApiCall;
import dev.switchboard.sandbox.openai.ChatRequest;
import dev.switchboard.sandbox.openai.Fault;
import dev.switchboard.sandbox.openai.OpenAiEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The model client against the sandbox's OpenAI-compatible emulator, over real HTTP. */
class ModelCallerIT {

    private static final OpenAiEmulator openai = OpenAiEmulator.start();
    private static final String KEY = "sk-proj-TESTKEY-4f9c2b7e1d8a";
    private static final List<ChatMessage> CHAT = List.of(
            SystemMessage.from("Be brief.\n[source: Spa — Sauna] The sauna door code is 7391."),
            UserMessage.from("What is the sauna code?"));

    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private final ModelCalls calls = (outcome, took) -> outcomes.add(outcome);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() {
        openai.reset();
        openai.requireApiKey(KEY);
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        root().detachAppender(logs);
    }

    @AfterAll
    static void stop() {
        openai.close();
    }

    @Test
    void sendsTheChatWithTheKeyAndReturnsTheAnswer() throws Exception {
        String answer = caller(Duration.ofSeconds(5), 2).complete(endpoint(KEY), CHAT);

        assertThat(answer).startsWith("[gpt-4o-mini] What is the sauna code?").contains("sources: Spa — Sauna");
        ChatRequest sent = openai.requests().get(0);
        assertThat(sent.authorizationPresent()).isTrue();
        assertThat(sent.temperature()).isEqualTo(0.2);
        assertThat(sent.maxTokens()).isEqualTo(500);
        assertThat(sent.systemPrompt()).contains("The sauna door code is 7391.");
        assertThat(outcomes).containsExactly(ModelCalls.SUCCESS);
    }

    @Test
    void retriesServerErrorsAndSucceeds() throws Exception {
        openai.armFault(Fault.serverError(), 1);
        openai.armFault(Fault.overloaded(), 1);

        String answer = caller(Duration.ofSeconds(5), 2).complete(endpoint(KEY), CHAT);

        assertThat(answer).contains("sauna code");
        assertThat(openai.calls()).extracting(ApiCall::status).containsExactly(500, 503, 200);
        assertThat(outcomes).containsExactly("server_error", "server_error", "success");
    }

    @Test
    void givesUpAfterItsRetries() {
        openai.armFault(Fault.serverError(), 10);

        assertThatThrownBy(() -> caller(Duration.ofSeconds(5), 2).complete(endpoint(KEY), CHAT))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("model endpoint failed after 3 attempts: server_error 500 server_error");
        assertThat(openai.calls()).hasSize(3);
    }

    @Test
    void waitsWhatARateLimitAsksForWhenThereIsTime() throws Exception {
        openai.armFault(Fault.rateLimited(Duration.ofMillis(700)), 1);
        long started = System.nanoTime();

        caller(Duration.ofSeconds(5), 2).complete(endpoint(KEY), CHAT);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(openai.calls()).extracting(ApiCall::status).containsExactly(429, 200);
    }

    @Test
    void aRateLimitLongerThanTheDeadlineIsNotWaitedFor() {
        openai.armFault(Fault.rateLimited(Duration.ofSeconds(60)), 1);
        long started = System.nanoTime();

        assertThatThrownBy(() -> caller(Duration.ofSeconds(5), 2).complete(endpoint(KEY), CHAT))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("rate_limited 429");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(openai.calls()).hasSize(1);
    }

    @Test
    void quotaAndARevokedKeyAreNotRetried() {
        openai.armFault(Fault.insufficientQuota(), 5);
        assertThatThrownBy(() -> caller(Duration.ofSeconds(5), 2).complete(endpoint(KEY), CHAT))
                .hasMessageContaining("insufficient_quota");
        assertThat(openai.calls()).hasSize(1);

        openai.reset();
        openai.requireApiKey("sk-some-other-key-entirely");
        assertThatThrownBy(() -> caller(Duration.ofSeconds(5), 2).complete(endpoint(KEY), CHAT))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("model endpoint failed after 1 attempt: client_error 401 invalid_api_key");
    }

    @Test
    void theKeyIsInNoExceptionAndNoLogLineEvenWhenTheProviderQuotesIt() {
        openai.reset();
        openai.requireApiKey("sk-some-other-key-entirely");

        Throwable thrown = catchThrowable(() -> caller(Duration.ofSeconds(5), 2).complete(endpoint(KEY), CHAT));

        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY).doesNotContain(KEY.substring(KEY.length() - 4));
        }
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(KEY)
                .doesNotContain(KEY.substring(KEY.length() - 4)));
    }

    @Test
    void aHangingEndpointTimesOutAndIsRetriedWithinTheDeadline() {
        openai.armFault(Fault.hang(Duration.ofMillis(2500)), 2);
        long started = System.nanoTime();

        assertThatThrownBy(() -> caller(Duration.ofMillis(400), 1).complete(endpoint(KEY), CHAT))
                .hasMessage("model endpoint failed after 2 attempts: timeout");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2400));
        awaitHeldCalls(2);
    }

    @Test
    void aTenantTimeoutOverridesThePlatformOne() {
        openai.armFault(Fault.hang(Duration.ofMillis(2000)), 1);
        LlmEndpoint quick = new LlmEndpoint(openai.baseUrl(), "gpt-4o-mini", null, Duration.ofMillis(300), Secret.of(KEY));
        long started = System.nanoTime();

        assertThatThrownBy(() -> caller(Duration.ofSeconds(20), 0).complete(quick, CHAT)).hasMessageContaining("timeout");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        awaitHeldCalls(1);
    }

    /** A held call is recorded when the emulator finally answers it: wait, so that it cannot land in the next test. */
    private static void awaitHeldCalls(int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> openai.calls().size() >= count);
    }

    @Test
    void lostConnectionsAndADeadEndpointAreUnreachable() throws Exception {
        openai.armFault(Fault.dropConnection(), 1);
        assertThat(caller(Duration.ofSeconds(5), 1).complete(endpoint(KEY), CHAT)).contains("sauna code");
        assertThat(outcomes).containsExactly("unreachable", "success");

        LlmEndpoint dead = new LlmEndpoint("http://127.0.0.1:" + freePort() + "/v1", "gpt-4o-mini", null, null,
                Secret.of(KEY));
        long started = System.nanoTime();
        assertThatThrownBy(() -> caller(Duration.ofSeconds(5), 2).complete(dead, CHAT))
                .hasMessage("model endpoint failed after 3 attempts: unreachable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anEndpointWithoutAKeyGetsNoAuthorizationHeader() throws Exception {
        openai.reset();

        caller(Duration.ofSeconds(5), 0).complete(new LlmEndpoint(openai.baseUrl(), "gpt-4o", null, null, null), CHAT);

        assertThat(openai.requests().get(0).authorizationPresent()).isFalse();
    }

    @Test
    void anUnknownModelIsAClientError() {
        LlmEndpoint unknown = new LlmEndpoint(openai.baseUrl(), "no-such-model", null, null, Secret.of(KEY));

        assertThatThrownBy(() -> caller(Duration.ofSeconds(5), 2).complete(unknown, CHAT))
                .hasMessageContaining("client_error 404 model_not_found");
        assertThat(openai.calls()).hasSize(1);
    }

    private ModelCaller caller(Duration timeout, int retries) {
        return new ModelCaller(new LlmProperties(timeout, Duration.ofSeconds(10), retries, Duration.ofMillis(100),
                Duration.ofSeconds(2), 4, 0.15, 1500, 1000, 500), calls);
    }

    private static LlmEndpoint endpoint(String key) {
        return new LlmEndpoint(openai.baseUrl(), "gpt-4o-mini", 0.2, null, Secret.of(key));
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
