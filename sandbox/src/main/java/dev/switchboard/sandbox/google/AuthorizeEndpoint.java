package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.SandboxResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /o/oauth2/v2/auth}: validates the request as Google does, then plays the user —
 * approving at once (302 to the redirect URI with {@code code}, {@code scope}, {@code state})
 * or, when told to, denying ({@code error=access_denied}). Problems Google cannot redirect
 * (unknown client, unregistered redirect URI, bad scope...) get an error page instead.
 */
final class AuthorizeEndpoint {

    /** What one authorization produced, for the request log. */
    record Result(SandboxResponse response, String account) {
    }

    private final GoogleState state;

    AuthorizeEndpoint(GoogleState state) {
        this.state = state;
    }

    /** Under the state lock. */
    Result authorize(QueryParams query) {
        String clientId = query.get("client_id").orElse(null);
        if (clientId == null || clientId.isEmpty()) {
            return page(400, "invalid_request", "Missing required parameter: client_id");
        }
        OAuthClient client = state.clients.get(clientId);
        if (client == null) {
            return page(401, "invalid_client", "The OAuth client was not found.");
        }
        String redirectUri = query.get("redirect_uri").orElse(null);
        if (redirectUri == null || redirectUri.isEmpty()) {
            return page(400, "invalid_request", "Missing required parameter: redirect_uri");
        }
        if (!client.allowsRedirect(redirectUri)) {
            return page(400, "redirect_uri_mismatch", "You can't sign in to this app because it doesn't comply with "
                    + "Google's OAuth 2.0 policy. Request details: redirect_uri=" + redirectUri);
        }
        String responseType = query.get("response_type").orElse(null);
        if (responseType == null) {
            return page(400, "invalid_request", "Required parameter is missing: response_type");
        }
        if (!responseType.equals("code")) {
            return page(400, "unsupported_response_type", "Invalid response_type: " + responseType);
        }
        Set<String> requested = Scopes.parse(query.get("scope").orElse(null));
        if (requested.isEmpty()) {
            return page(400, "invalid_request", "Missing required parameter: scope");
        }
        List<String> unknown = requested.stream().filter(scope -> !Scopes.known(scope)).toList();
        if (!unknown.isEmpty()) {
            return page(400, "invalid_scope", "Some requested scopes were invalid. {invalid=" + unknown + "}");
        }
        String accessType = query.get("access_type").orElse("online");
        if (!accessType.equals("online") && !accessType.equals("offline")) {
            return page(400, "invalid_request", "Invalid access_type: " + accessType);
        }
        Set<String> prompt = Set.of(query.get("prompt").orElse("").trim().split("\\s+"));
        if (!Set.of("", "none", "consent", "select_account").containsAll(prompt)
                || prompt.contains("none") && prompt.size() > 1) {
            return page(400, "invalid_request", "Invalid prompt: " + query.get("prompt").orElse(""));
        }
        String challenge = query.get("code_challenge").orElse(null);
        String challengeMethod = query.get("code_challenge_method").orElse(challenge == null ? null : "plain");
        if (challengeMethod != null && !challengeMethod.equals("S256") && !challengeMethod.equals("plain")) {
            return page(400, "invalid_request", "Invalid code_challenge_method");
        }
        String email = account(query.get("login_hint").orElse(null));
        if (email == null) {
            return page(400, "sandbox_no_account",
                    "No account is signed in: call GoogleEmulator.account(email) before authorizing.");
        }
        String appState = query.get("state").orElse(null);
        if (state.denyNextAuthorization) {
            state.denyNextAuthorization = false;
            return redirect(redirectUri, params("error", "access_denied", "state", appState), email);
        }
        Set<String> granted = granted(clientId, email, requested, query.flag("include_granted_scopes", false));
        if (prompt.contains("none") && !state.tokens.grantedScopes(clientId, email).containsAll(requested)) {
            return redirect(redirectUri, params("error", "consent_required", "state", appState), email);
        }
        boolean offline = accessType.equals("offline");
        // Google returns a refresh token on the first offline consent only, unless prompt=consent forces it.
        boolean issueRefreshToken = offline
                && (prompt.contains("consent") || !state.tokens.hasOfflineConsent(clientId, email));
        state.tokens.recordConsent(clientId, email, granted, offline);
        AuthorizationCode code = new AuthorizationCode(state.ids.authorizationCode(), clientId, redirectUri, email,
                granted, issueRefreshToken, challenge, challengeMethod, query.get("nonce").orElse(null),
                state.clock.now().plus(TokenStore.CODE_LIFETIME));
        state.tokens.addCode(code);
        Map<String, String> params = params("state", appState, "code", code.value(), "scope", Scopes.join(granted));
        params.put("authuser", "0");
        params.put("prompt", prompt.contains("none") ? "none" : "consent");
        return redirect(redirectUri, params, email);
    }

    private String account(String loginHint) {
        if (loginHint != null && state.account(loginHint) != null) {
            return state.account(loginHint).email;
        }
        return state.signedIn;
    }

    /** What the user leaves ticked, plus what they granted earlier if the app asks to include it. */
    private Set<String> granted(String clientId, String email, Set<String> requested, boolean includeGranted) {
        Set<String> granted = new LinkedHashSet<>(requested);
        if (state.nextGrantOnly != null) {
            Set<String> ticked = state.nextGrantOnly;
            granted = requested.stream().filter(scope -> ticked.contains(scope) || Scopes.alwaysGranted(scope))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            state.nextGrantOnly = null;
        }
        if (includeGranted) {
            granted.addAll(state.tokens.grantedScopes(clientId, email));
        }
        return granted;
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                params.put(pairs[i], pairs[i + 1]);
            }
        }
        return params;
    }

    private static Result redirect(String redirectUri, Map<String, String> params, String email) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        params.forEach((name, value) -> location.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")).append('&'));
        location.setLength(location.length() - 1);
        SandboxResponse response = SandboxResponse.text(302, "text/html; charset=UTF-8",
                "<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY>Moved Temporarily</BODY></HTML>")
                .withHeader("Location", location.toString());
        return new Result(response, email);
    }

    private static Result page(int status, String error, String details) {
        return new Result(OAuthResponses.errorPage(status, error, details), null);
    }
}
