package dev.switchboard.app.api.agent;

import dev.switchboard.agent.llm.LlmEndpoint;
import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.core.agent.AgentRegistry;
import dev.switchboard.core.agent.AgentSettings;
import dev.switchboard.core.agent.AgentSettingsStore;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.vault.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's agent: which kind answers, with what prompt and model. The model key is write-only
 * and bound to the base URL it was entered with: pointing {@code baseUrl} elsewhere without a new
 * key leaves the old key unsent (and unshown), so nobody with API access can have the key sent to
 * a server of their choosing. Omitting {@code llm} keeps the stored model settings, so switching
 * between {@code faq} and {@code llm} loses nothing.
 */
@RestController
@RequestMapping("/api/v1/agent")
class AgentController {

    /** @param timeoutSeconds one model call's limit for this tenant (a slow local model may need more) */
    record Llm(@NotBlank @Pattern(regexp = "^https?://.+", message = "must be an http(s) URL") String baseUrl,
               @NotBlank @Size(max = 200) String model,
               @Size(max = 500) String apiKey,
               @DecimalMin("0") @DecimalMax("2") Double temperature,
               @DecimalMin("0.1") @DecimalMax("50") Double timeoutSeconds) {
        @Override
        public String toString() {
            return "Llm[baseUrl=" + baseUrl + ", model=" + model + "]";
        }
    }

    record AgentRequest(@NotBlank String kind, @Size(max = 20000) String systemPrompt, @Valid Llm llm) {
    }

    /** @param apiKeyHint the masked key, when one is stored for this base URL */
    record LlmView(String baseUrl, String model, Double temperature, Double timeoutSeconds, String apiKeyHint) {
    }

    record AgentView(String kind, String systemPrompt, LlmView llm) {
    }

    private final AgentSettingsStore store;
    private final AgentRegistry agents;

    AgentController(AgentSettingsStore store, AgentRegistry agents) {
        this.store = store;
        this.agents = agents;
    }

    @GetMapping
    AgentView get() {
        ApiTenant.require();
        return view(store.current());
    }

    @PutMapping
    AgentView put(@Valid @RequestBody AgentRequest request) {
        ApiTenant.require();
        if (!agents.kinds().contains(request.kind())) {
            throw InvalidInputException.of("kind", "must be one of " + agents.kinds());
        }
        AgentSettings stored = store.current();
        if ("llm".equals(request.kind()) && request.llm() == null && LlmEndpoint.of(stored).isEmpty()) {
            throw InvalidInputException.of("llm", "the llm kind needs baseUrl and model");
        }
        Map<String, Object> llm = request.llm() == null ? stored.llm() : llmSettings(request.llm(), stored);
        Secret key = request.llm() == null || request.llm().apiKey() == null || request.llm().apiKey().isBlank() ? null
                : Secret.of(request.llm().apiKey());
        store.save(request.kind(), request.systemPrompt(), llm == null || llm.isEmpty() ? null : llm, key);
        return view(store.current());
    }

    /** The stored form: the key stays bound to the base URL it was entered for. */
    private static Map<String, Object> llmSettings(Llm request, AgentSettings stored) {
        Map<String, Object> llm = new LinkedHashMap<>();
        llm.put(LlmEndpoint.BASE_URL, request.baseUrl());
        llm.put(LlmEndpoint.MODEL, request.model());
        if (request.temperature() != null) {
            llm.put(LlmEndpoint.TEMPERATURE, request.temperature());
        }
        if (request.timeoutSeconds() != null) {
            llm.put(LlmEndpoint.TIMEOUT_SECONDS, request.timeoutSeconds());
        }
        boolean newKey = request.apiKey() != null && !request.apiKey().isBlank();
        Object keyBaseUrl = newKey ? request.baseUrl() : storedKeyBaseUrl(stored);
        if (keyBaseUrl != null) {
            llm.put(LlmEndpoint.KEY_BASE_URL, keyBaseUrl);
        }
        return llm;
    }

    private static Object storedKeyBaseUrl(AgentSettings stored) {
        Map<String, Object> llm = stored.llm();
        if (stored.llmKey() == null || llm == null) {
            return null;
        }
        return llm.getOrDefault(LlmEndpoint.KEY_BASE_URL, llm.get(LlmEndpoint.BASE_URL));
    }

    private static AgentView view(AgentSettings settings) {
        Map<String, Object> llm = settings.llm();
        LlmView llmView = llm == null || llm.isEmpty() ? null : new LlmView((String) llm.get(LlmEndpoint.BASE_URL),
                (String) llm.get(LlmEndpoint.MODEL), number(llm.get(LlmEndpoint.TEMPERATURE)),
                number(llm.get(LlmEndpoint.TIMEOUT_SECONDS)),
                LlmEndpoint.of(settings).map(LlmEndpoint::apiKey).map(Secret::hint).orElse(null));
        return new AgentView(settings.kind(), settings.systemPrompt(), llmView);
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
