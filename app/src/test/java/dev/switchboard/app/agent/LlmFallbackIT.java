package dev.switchboard.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.Api;
import dev.switchboard.app.support.LogCapture;
import dev.switchboard.sandbox.openai.ApiCall;
import dev.switchboard.sandbox.openai.Fault;
import dev.switchboard.sandbox.telegram.TgUser;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model endpoint failing — 500s, hanging, down — never leaves the person without an answer:
 * the offline answer (the passage, or the hand-off line) goes out within the tenant's timeout and
 * retries. The API key appears in no log line and no response on the way.
 */
class LlmFallbackIT extends AgentIT {

    private static final String KEY = "sk-proj-FALLBACK-9c41e7d2b55a0f3e";

    @Test
    void aFailingModelStillGetsThePersonAnOfflineAnswerInTimeAndTheKeyLeaksNowhere() throws IOException {
        try (LogCapture logs = LogCapture.open()) {
            openai.reset();
            openai.requireApiKey(KEY);
            Connected connected = connectBot("llmfail", Map.of("kind", "llm", "llm", Map.of("baseUrl", openai.baseUrl(),
                    "model", "gpt-4o", "apiKey", KEY, "timeoutSeconds", 1)));
            addDocument(connected.tenant(), "Sauna", KnowledgeAnswerIT.SAUNA);

            TgUser first = guest("Ida", "en");
            openai.armFault(Fault.serverError(), 3);
            Duration took = timed(() -> assertThat(ask(connected, first, KnowledgeAnswerIT.QUESTION, 1))
                    .containsExactly("The sauna door opens with the code 7391; the code changes every Monday."));
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(openai.calls()).extracting(ApiCall::status).containsExactly(500, 500, 500);

            TgUser second = guest("Jon", "en");
            openai.armFault(Fault.hang(Duration.ofSeconds(5)), 3);
            took = timed(() -> assertThat(ask(connected, second, KnowledgeAnswerIT.QUESTION, 1)).singleElement()
                    .asString().contains("7391"));
            assertThat(took).as("three 1 s attempts and two back-offs").isLessThan(Duration.ofSeconds(10));

            Api.Response moved = connected.tenant().api().put("/api/v1/agent", Map.of("kind", "llm", "llm", Map.of(
                    "baseUrl", "http://127.0.0.1:" + freePort() + "/v1", "model", "gpt-4o", "apiKey", KEY,
                    "timeoutSeconds", 1)));
            assertThat(moved.status()).isEqualTo(200);
            TgUser third = guest("Kim", "en");
            took = timed(() -> assertThat(ask(connected, third, "Do you rent bicycles?", 1)).containsExactly(HANDOFF_LINE));
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(mode(connected, conversationId(connected, third))).isEqualTo("human");

            String agent = connected.tenant().api().get("/api/v1/agent").body();
            assertThat(agent).doesNotContain(KEY).contains("\"apiKeyHint\":\"…0f3e\"");
            for (TgUser guest : List.of(first, second, third)) {
                assertThat(messagesOfChat(connected.tenant(), guest.id()).toString()).doesNotContain(KEY);
            }
            assertThat(logs.linesContaining("model unavailable, answering offline")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(logs.linesContaining(KEY)).isEmpty();
            assertThat(logs.linesContaining(KEY.substring(KEY.length() - 12))).isEmpty();
        }
    }

    @Test
    void aModelThatSaysHandoffHandsTheConversationOver() {
        openai.reset();
        openai.replyWhen(request -> request.lastUserMessage().contains("complaint"), "HANDOFF");
        Connected connected = connectBot("llmho", Map.of("kind", "llm", "llm", Map.of("baseUrl", openai.baseUrl(),
                "model", "gpt-4o-mini")));
        TgUser guest = guest("Lea", "en");

        assertThat(ask(connected, guest, "I want to make a complaint about my room", 1)).containsExactly(HANDOFF_LINE);

        assertThat(mode(connected, conversationId(connected, guest))).isEqualTo("human");
        assertThat(openai.requests()).last().satisfies(r -> assertThat(r.authorizationPresent()).isFalse());
    }

    @Test
    void aKeyIsNotSentToABaseUrlItWasNotEnteredFor() {
        openai.reset();
        Connected connected = connectBot("llmkey", Map.of("kind", "llm", "llm", Map.of("baseUrl", "http://127.0.0.1:9/v1",
                "model", "gpt-4o-mini", "apiKey", KEY)));
        assertThat(connected.tenant().api().get("/api/v1/agent").json().path("llm").path("apiKeyHint").asString())
                .isEqualTo("…0f3e");

        Api.Response moved = connected.tenant().api().put("/api/v1/agent", Map.of("kind", "llm", "llm", Map.of(
                "baseUrl", openai.baseUrl(), "model", "gpt-4o-mini")));
        assertThat(moved.json().path("llm").path("apiKeyHint").isNull()).isTrue();
        ask(connected, guest("Max", "en"), "hello there, what's up", 1);

        assertThat(openai.requests()).singleElement().satisfies(r -> assertThat(r.authorizationPresent()).isFalse());
    }

    private static Duration timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
