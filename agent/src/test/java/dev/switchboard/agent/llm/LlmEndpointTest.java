package dev.switchboard.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.agent.AgentSettings;
import dev.switchboard.core.vault.Secret;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmEndpointTest {

    private static final Secret KEY = Secret.of("sk-test-0123456789abcdef");

    @Test
    void readsTheSettingsAndSendsTheKeyToTheUrlItWasEnteredFor() {
        LlmEndpoint endpoint = LlmEndpoint.of(settings(Map.of("baseUrl", "http://a/v1", "model", "m",
                "temperature", 0.3, "timeoutSeconds", 2.5, "keyBaseUrl", "http://a/v1"))).orElseThrow();

        assertThat(endpoint.apiKey()).isEqualTo(KEY);
        assertThat(endpoint.temperature()).isEqualTo(0.3);
        assertThat(endpoint.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(endpoint.toString()).doesNotContain(KEY.reveal());
    }

    @Test
    void aKeyEnteredForAnotherUrlIsNotSent() {
        LlmEndpoint endpoint = LlmEndpoint.of(settings(Map.of("baseUrl", "http://elsewhere/v1", "model", "m",
                "keyBaseUrl", "http://a/v1"))).orElseThrow();

        assertThat(endpoint.apiKey()).isNull();
    }

    @Test
    void settingsFromBeforeKeysWereBoundTrustTheStoredUrl() {
        assertThat(LlmEndpoint.of(settings(Map.of("baseUrl", "http://a/v1", "model", "m"))).orElseThrow().apiKey())
                .isEqualTo(KEY);
    }

    @Test
    void logsShowOnlySchemeHostAndPort() {
        LlmEndpoint endpoint = LlmEndpoint.of(settings(Map.of("baseUrl", "https://user:secret@llm.example:8443/v1?key=abc",
                "model", "m"))).orElseThrow();

        assertThat(endpoint.host()).isEqualTo("https://llm.example:8443");
        assertThat(endpoint.toString()).doesNotContain("secret").doesNotContain("abc");
    }

    @Test
    void noEndpointWithoutUrlOrModel() {
        assertThat(LlmEndpoint.of(settings(Map.of("model", "m")))).isEmpty();
        assertThat(LlmEndpoint.of(settings(Map.of("baseUrl", "http://a/v1")))).isEmpty();
        assertThat(LlmEndpoint.of(new AgentSettings("llm", null, null, null))).isEmpty();
    }

    private static AgentSettings settings(Map<String, Object> llm) {
        return new AgentSettings("llm", null, llm, KEY);
    }
}
