package dev.switchboard.app.api.integrations;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.app.api.PageResponse;
import dev.switchboard.core.channel.HealthReport;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.integration.NewIntegration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's channels: connect (credentials verified with the provider first), inspect, change, remove. */
@RestController
@RequestMapping("/api/v1/integrations")
class IntegrationController {

    record CreateIntegration(@NotBlank String type, @NotBlank @Size(max = 100) String name,
                             @NotNull Map<String, Object> credentials, Map<String, Object> settings) {
        @Override
        public String toString() {
            return "CreateIntegration[type=" + type + ", name=" + name + "]";
        }
    }

    record UpdateIntegration(@Size(min = 1, max = 100) String name, Map<String, Object> settings) {
    }

    record ReplaceCredentials(@NotNull Map<String, Object> credentials) {
        @Override
        public String toString() {
            return "ReplaceCredentials[hidden]";
        }
    }

    record TestResult(boolean ok, String summary, Map<String, Object> details) {
        static TestResult of(HealthReport report) {
            return new TestResult(report.ok(), report.summary(), report.details());
        }
    }

    private final IntegrationService integrations;

    IntegrationController(IntegrationService integrations) {
        this.integrations = integrations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IntegrationView create(@Valid @RequestBody CreateIntegration request) {
        ApiTenant.require();
        return IntegrationView.of(integrations.create(new NewIntegration(request.type(), request.name(),
                request.credentials(), request.settings())));
    }

    @GetMapping
    PageResponse<IntegrationView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        ApiTenant.require();
        return PageResponse.of(integrations.list(page, size), IntegrationView::of);
    }

    @GetMapping("/{id}")
    IntegrationView get(@PathVariable UUID id) {
        ApiTenant.require();
        return IntegrationView.of(integrations.get(id));
    }

    @PatchMapping("/{id}")
    IntegrationView update(@PathVariable UUID id, @Valid @RequestBody UpdateIntegration request) {
        ApiTenant.require();
        return IntegrationView.of(integrations.update(id, request.name(), request.settings()));
    }

    @PutMapping("/{id}/credentials")
    IntegrationView replaceCredentials(@PathVariable UUID id, @Valid @RequestBody ReplaceCredentials request) {
        ApiTenant.require();
        return IntegrationView.of(integrations.replaceCredentials(id, request.credentials()));
    }

    @PostMapping("/{id}/test")
    TestResult test(@PathVariable UUID id) {
        ApiTenant.require();
        return TestResult.of(integrations.test(id));
    }

    @PostMapping("/{id}/disable")
    IntegrationView disable(@PathVariable UUID id) {
        ApiTenant.require();
        return IntegrationView.of(integrations.disable(id));
    }

    @PostMapping("/{id}/enable")
    IntegrationView enable(@PathVariable UUID id) {
        ApiTenant.require();
        return IntegrationView.of(integrations.enable(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        ApiTenant.require();
        integrations.delete(id);
    }
}
