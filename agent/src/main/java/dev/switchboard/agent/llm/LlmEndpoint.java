package dev.switchboard.agent.llm;

import dev.switchboard.core.agent.AgentSettings;
import dev.switchboard.core.vault.Secret;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's OpenAI-compatible endpoint, from its agent settings.
 *
 * @param apiKey  null when none applies: none was given, or it was given for another base URL
 *                (a key is only ever sent to the URL it was entered for)
 * @param timeout one attempt's limit; null: the platform default
 */
public record LlmEndpoint(String baseUrl, String model, Double temperature, Duration timeout, Secret apiKey) {

    /** The settings' {@code llm} fields: baseUrl, model, temperature, timeoutSeconds, keyBaseUrl. */
    public static final String BASE_URL = "baseUrl";
    public static final String MODEL = "model";
    public static final String TEMPERATURE = "temperature";
    public static final String TIMEOUT_SECONDS = "timeoutSeconds";
    /** The base URL the stored API key was entered for. */
    public static final String KEY_BASE_URL = "keyBaseUrl";

    /** Empty when the settings name no base URL or model. */
    public static Optional<LlmEndpoint> of(AgentSettings settings) {
        Map<String, Object> llm = settings.llm();
        if (llm == null || !(llm.get(BASE_URL) instanceof String baseUrl) || baseUrl.isBlank()
                || !(llm.get(MODEL) instanceof String model) || model.isBlank()) {
            return Optional.empty();
        }
        Double temperature = llm.get(TEMPERATURE) instanceof Number n ? n.doubleValue() : null;
        Duration timeout = llm.get(TIMEOUT_SECONDS) instanceof Number n && n.doubleValue() > 0
                ? Duration.ofMillis((long) (n.doubleValue() * 1000)) : null;
        Object keyBaseUrl = llm.getOrDefault(KEY_BASE_URL, baseUrl);
        Secret key = settings.llmKey() != null && baseUrl.equals(keyBaseUrl) ? settings.llmKey() : null;
        return Optional.of(new LlmEndpoint(baseUrl, model, temperature, timeout, key));
    }

    /** Scheme, host and port only: what a log line may show (a URL's path, query or user part may hold a credential). */
    public String host() {
        try {
            java.net.URI uri = java.net.URI.create(baseUrl);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }

    @Override
    public String toString() {
        return "LlmEndpoint[" + host() + ", " + model + (apiKey == null ? "" : ", key " + apiKey) + "]";
    }
}
