package dev.switchboard.app.api.calendar;

import dev.switchboard.app.api.ApiTenant;
import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.config.PublicUrl;
import dev.switchboard.core.integration.IntegrationDetails;
import dev.switchboard.core.integration.IntegrationService;
import dev.switchboard.core.integration.NewIntegration;
import dev.switchboard.core.oauth.OAuthConnector;
import dev.switchboard.core.oauth.OAuthStates;
import dev.switchboard.core.support.NotFoundException;
import dev.switchboard.core.tenant.TenantContext;
import dev.switchboard.core.tenant.TenantDirectory;
import dev.switchboard.core.tenant.TenantRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Connecting a calendar with OAuth 2.0: {@code authorize} issues a single-use state bound to the
 * tenant and the caller and answers the provider's consent URL; the provider sends the browser
 * back to {@code /oauth/{provider}/callback}, which exchanges the code, creates the integration
 * (its refresh token sealed) and sends the browser to the channels page.
 */
@RestController
class OAuthController {

    private static final Logger log = LoggerFactory.getLogger(OAuthController.class);
    private static final Map<String, String> SEGMENTS = Map.of("google-calendar", "google");

    record Authorize(@NotBlank @Size(max = 100) String name) {
    }

    record AuthorizationUrl(URI authorizationUrl) {
    }

    private final List<OAuthConnector> connectors;
    private final OAuthStates states;
    private final TenantDirectory tenants;
    private final IntegrationService integrations;
    private final PublicUrl publicUrl;

    OAuthController(List<OAuthConnector> connectors, OAuthStates states, TenantDirectory tenants,
                    IntegrationService integrations, PublicUrl publicUrl) {
        this.connectors = connectors;
        this.states = states;
        this.tenants = tenants;
        this.integrations = integrations;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/api/v1/integrations/{segment}/authorize")
    ResponseEntity<?> authorize(@PathVariable String segment, @Valid @RequestBody Authorize request) {
        ApiTenant.require();
        OAuthConnector connector = connector(SEGMENTS.get(segment)).orElseThrow(() -> new NotFoundException("OAuth flow " + segment));
        if (!connector.configured()) {
            ProblemDetail problem = dev.switchboard.app.api.problem.Problems.of(503, connector.unavailableReason());
            return ResponseEntity.status(503).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String state = states.issue(connector.provider(), request.name());
        return ResponseEntity.ok(new AuthorizationUrl(connector.authorizationUrl(state, redirectUri(connector))));
    }

    @GetMapping(value = "/oauth/{provider}/callback", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> callback(@PathVariable String provider, @RequestParam(required = false) String code,
                                    @RequestParam(required = false) String state,
                                    @RequestParam(required = false) String error) {
        Optional<OAuthConnector> connector = connector(provider);
        Optional<OAuthStates.Pending> pending = connector.flatMap(c -> states.consume(c.provider(), state));
        if (connector.isEmpty() || pending.isEmpty()) {
            log.warn("oauth callback refused provider={}: unknown, used or expired state", provider);
            return page(HttpStatus.BAD_REQUEST, "This link is not valid any more",
                    "The authorization was already used, has expired, or did not start here. Start again from Switchboard.");
        }
        if (error != null || code == null) {
            return page(HttpStatus.BAD_REQUEST, "Not connected", "The provider answered: " + (error == null ? "no code" : error));
        }
        TenantRef tenant = tenants.byId(pending.get().tenantId()).orElseThrow(() -> new NotFoundException("tenant"));
        try (TenantContext.Scope scope = TenantContext.enter(tenant); Actor.Scope acting = Actor.enter(pending.get().actor())) {
            ChannelCredentials credentials = connector.get().exchange(code, redirectUri(connector.get()));
            IntegrationDetails created = integrations.create(new NewIntegration(connector.get().integrationType(),
                    pending.get().name(), Map.copyOf(credentials.toSealable()), Map.of()));
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create("/channels?connected=" + created.integration().getId())).build();
        } catch (ChannelException e) {
            return page(HttpStatus.BAD_GATEWAY, "Not connected", e.getMessage());
        }
    }

    private URI redirectUri(OAuthConnector connector) {
        return URI.create(publicUrl.base() + "/oauth/" + connector.provider() + "/callback");
    }

    private Optional<OAuthConnector> connector(String provider) {
        return connectors.stream().filter(c -> c.provider().equals(provider)).findFirst();
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body("<!DOCTYPE html><html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><h1>"
                + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p><p><a href=\"/channels\">"
                + "Back to Switchboard</a></p></body></html>");
    }
}
