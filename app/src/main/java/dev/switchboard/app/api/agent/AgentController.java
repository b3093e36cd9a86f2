package dev.switchboard.app.api.agent;

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

/** The tenant's agent: which kind answers, with what prompt and model. The model key is write-only. */
@RestController
@RequestMapping("/api/v1/agent")
class AgentController {

    record Llm(@NotBlank @Pattern(regexp = "^https?://.+", message = "must be an http(s) URL") String baseUrl,
               @NotBlank @Size(max = 200) String model,
               @Size(max = 500) String apiKey,
               @DecimalMin("0") @DecimalMax("2") Double temperature) {
        @Override
        public String toString() {
            return "Llm[baseUrl=" + baseUrl + ", model=" + model + "]";
        }
    }

    record AgentRequest(@NotBlank String kind, @Size(max = 20000) String systemPrompt, @Valid Llm llm) {
    }

    record LlmView(String baseUrl, String model, Double temperature, String apiKeyHint) {
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
        if ("llm".equals(request.kind()) && request.llm() == null) {
            throw InvalidInputException.of("llm", "the llm kind needs baseUrl and model");
        }
        Map<String, Object> llm = null;
        Secret key = null;
        if (request.llm() != null) {
            llm = new LinkedHashMap<>();
            llm.put("baseUrl", request.llm().baseUrl());
            llm.put("model", request.llm().model());
            if (request.llm().temperature() != null) {
                llm.put("temperature", request.llm().temperature());
            }
            key = request.llm().apiKey() == null || request.llm().apiKey().isBlank() ? null
                    : Secret.of(request.llm().apiKey());
        }
        store.save(request.kind(), request.systemPrompt(), llm, key);
        return view(store.current());
    }

    private static AgentView view(AgentSettings settings) {
        Map<String, Object> llm = settings.llm();
        LlmView llmView = llm == null || llm.isEmpty() ? null : new LlmView((String) llm.get("baseUrl"),
                (String) llm.get("model"), llm.get("temperature") == null ? null : ((Number) llm.get("temperature")).doubleValue(),
                settings.llmKey() == null ? null : settings.llmKey().hint());
        return new AgentView(settings.kind(), settings.systemPrompt(), llmView);
    }
}
