package dev.switchboard.app.api.keys;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.app.api.PageResponse;
import dev.switchboard.core.access.ApiKey;
import dev.switchboard.core.access.ApiKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tenant's API keys. A key is shown once, when created. */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

    record CreateKey(@Size(max = 100) String name) {
    }

    record KeyView(UUID id, String name, String hint, Instant createdAt, Instant lastUsedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.getId(), key.getName(), key.getHint(), key.getCreatedAt(), key.getLastUsedAt());
        }
    }

    record CreatedKey(UUID id, String name, String key, String hint, Instant createdAt) {
    }

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedKey create(@Valid @RequestBody(required = false) CreateKey request) {
        String name = request == null || request.name() == null || request.name().isBlank() ? "api key" : request.name();
        ApiKeys.Issued issued = keys.issue(ApiTenant.require().id(), name);
        ApiKey key = issued.key();
        return new CreatedKey(key.getId(), key.getName(), issued.secret().reveal(), key.getHint(), key.getCreatedAt());
    }

    @GetMapping
    PageResponse<KeyView> list() {
        List<KeyView> all = keys.list(ApiTenant.require().id()).stream().map(KeyView::of).toList();
        return new PageResponse<>(all, 0, Math.max(all.size(), 1), all.size());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        keys.revoke(ApiTenant.require().id(), id);
    }
}
