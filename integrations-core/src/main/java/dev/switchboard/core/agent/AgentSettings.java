package dev.switchboard.core.agent;

import dev.switchboard.core.vault.Secret;
import java.util.Map;

/**
 * A tenant's agent configuration.
 *
 * @param llm     for {@code llm}: baseUrl, model, temperature (no key)
 * @param llmKey  the model endpoint's API key, opened from the vault; null when none
 */
public record AgentSettings(String kind, String systemPrompt, Map<String, Object> llm, Secret llmKey) {

    public static final String NONE = "none";
}
