package dev.switchboard.app.security;

import dev.switchboard.app.api.problem.ProblemWriter;
import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the tenant context (and the audit actor) for the rest of the request, from the
 * authenticated caller: a tenant key's or tenant user's own tenant, or for the administrator the
 * tenant named in {@code X-Tenant} (or chosen in the UI session). It is the only place the API
 * and the UI learn which tenant they work for.
 */
public final class TenantScopeFilter extends OncePerRequestFilter {

    static final String TENANT_HEADER = "X-Tenant";
    /** The session attribute where the administrator's UI keeps the tenant being looked at. */
    public static final String ACTING_TENANT = "switchboard.actingTenant";

    private final TenantDirectory tenants;
    private final ProblemWriter problems;

    TenantScopeFilter(TenantDirectory tenants, ProblemWriter problems) {
        this.tenants = tenants;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TenantRef> tenant;
        try {
            String named = request.getHeader(TENANT_HEADER);
            if ((named == null || named.isBlank()) && request.getSession(false) != null) {
                named = (String) request.getSession(false).getAttribute(ACTING_TENANT);
            }
            tenant = tenantOf(SecurityContextHolder.getContext().getAuthentication(), named);
        } catch (UnknownTenantException e) {
            problems.write(response, 404, "no tenant '" + e.getMessage() + "'");
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = Callers.of(authentication).map(Caller::actor).orElse(Actor.SYSTEM);
        try (Actor.Scope acting = Actor.enter(actor)) {
            if (tenant.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            try (TenantContext.Scope scope = TenantContext.enter(tenant.get())) {
                chain.doFilter(request, response);
            }
        }
    }

    private Optional<TenantRef> tenantOf(Authentication authentication, String tenantHeader) {
        Optional<Caller> found = Callers.of(authentication);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Caller caller = found.get();
        if (caller instanceof Caller.TenantApiKey key) {
            return tenants.byId(key.tenantId());
        }
        if (caller instanceof Caller.TenantUser user) {
            return tenants.byId(user.tenantId());
        }
        if (caller instanceof Caller.Admin && tenantHeader != null && !tenantHeader.isBlank()) {
            return Optional.of(tenants.bySlug(tenantHeader.trim()).orElseThrow(() -> new UnknownTenantException(tenantHeader)));
        }
        return Optional.empty();
    }

    private static final class UnknownTenantException extends RuntimeException {
        UnknownTenantException(String slug) {
            super(slug.length() > 64 ? slug.substring(0, 64) : slug);
        }
    }
}
