package dev.switchboard.app.security;

import dev.switchboard.app.api.problem.ProblemWriter;
import dev.switchboard.core.access.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: the admin token or a tenant API key. A presented token
 * that is neither is answered 401 at once; no header leaves the request anonymous, for the
 * authorization rules to refuse.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AdminToken adminToken;
    private final ApiKeys apiKeys;
    private final ProblemWriter problems;

    BearerTokenFilter(AdminToken adminToken, ApiKeys apiKeys, ProblemWriter problems) {
        this.adminToken = adminToken;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = identify(header.substring(BEARER.length()).trim());
        if (caller.isEmpty()) {
            problems.write(response, 401, "the bearer token is not valid");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller.get()));
        chain.doFilter(request, response);
    }

    private Optional<Caller> identify(String token) {
        if (adminToken.matches(token)) {
            return Optional.of(new Caller.Admin());
        }
        return apiKeys.authenticate(token).map(key -> new Caller.TenantApiKey(key.tenantId(), key.keyId()));
    }
}
