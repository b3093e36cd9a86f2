package dev.switchboard.app.api.tenants;

import dev.switchboard.app.api.PageResponse;
import dev.switchboard.core.channel.InvalidInputException;
import dev.switchboard.core.tenant.NewTenant;
import dev.switchboard.core.tenant.Tenant;
import dev.switchboard.core.tenant.TenantService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants, for the platform administrator. */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantController {

    record CreateTenant(
            @NotBlank @Pattern(regexp = "^[a-z][a-z0-9_]{1,40}$", message = "must be 2–41 characters: a lower-case "
                    + "letter, then lower-case letters, digits or underscores") String slug,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String ownerEmail,
            @NotBlank @Size(min = 8, max = 200) String ownerPassword) {

        @Override
        public String toString() {
            return "CreateTenant[slug=" + slug + "]";
        }
    }

    record TenantView(UUID id, String slug, String name, Instant createdAt) {
        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.getId(), tenant.getSlug(), tenant.getName(), tenant.getCreatedAt());
        }
    }

    /** The only response that shows the first API key. */
    record CreatedTenant(UUID id, String slug, String name, String apiKey, Instant createdAt) {
    }

    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedTenant create(@Valid @RequestBody CreateTenant request) {
        TenantService.Created created = tenants.create(
                new NewTenant(request.slug(), request.name(), request.ownerEmail(), request.ownerPassword()));
        Tenant tenant = created.tenant();
        return new CreatedTenant(tenant.getId(), tenant.getSlug(), tenant.getName(), created.apiKey().reveal(),
                tenant.getCreatedAt());
    }

    @GetMapping
    PageResponse<TenantView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return PageResponse.of(tenants.list(page, size), TenantView::of);
    }

    @GetMapping("/{slug}")
    TenantView get(@PathVariable String slug) {
        return TenantView.of(tenants.get(slug));
    }

    @DeleteMapping("/{slug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String slug, @RequestParam(required = false) String confirm) {
        if (!slug.equals(confirm)) {
            throw InvalidInputException.of("confirm", "must repeat the tenant's slug to delete it and all its data");
        }
        tenants.delete(slug);
    }
}
