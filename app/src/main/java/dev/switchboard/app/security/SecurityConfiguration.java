package dev.switchboard.app.security;

import dev.switchboard.app.api.problem.ProblemWriter;
import dev.switchboard.core.access.ApiKeys;
import dev.switchboard.core.tenant.TenantDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Three doors: the JSON API (a bearer token, or a UI session with CSRF), operations (health,
 * metrics, OpenAPI), and the web UI (session login, CSRF). The provider webhooks are answered
 * before these filters ({@code WebhookFilter}): each is authenticated the provider's way by its
 * channel.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AdminToken adminToken, ApiKeys apiKeys, TenantDirectory tenants,
                            ProblemWriter problems) throws Exception {
        return http.securityMatcher("/api/**")
                // a bearer token is not sent by a browser on its own: only session calls need CSRF protection
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterBefore(new BearerTokenFilter(adminToken, apiKeys, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new TenantScopeFilter(tenants, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/tenants/**", "/api/v1/admin/**", "/api/v1/monitoring/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                problems.write(response, 401, "a bearer token is required"))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, 403,
                                ex instanceof CsrfException ? "a session request needs its CSRF token (X-CSRF-TOKEN)"
                                        : "this needs the administrator")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    /** The web UI: a session login with CSRF protection; everything but the login page needs it. */
    @Bean
    @Order(3)
    SecurityFilterChain ui(HttpSecurity http, TenantDirectory tenants, ProblemWriter problems) throws Exception {
        return http.securityMatcher("/**")
                .addFilterAfter(new TenantScopeFilter(tenants, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico", "/oauth/*/callback").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .build();
    }
}
