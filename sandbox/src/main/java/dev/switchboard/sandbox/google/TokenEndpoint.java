package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import dev.switchboard.sandbox.http.RequestParams;
import dev.switchboard.sandbox.http.SandboxRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /token}: the authorization_code and refresh_token grants, client authentication by
 * form fields or HTTP Basic, Google's error bodies.
 */
final class TokenEndpoint {

    /** A token answer plus the account it concerns, for the request log. */
    record Result(ObjectNode body, String account) {
    }

    private record ClientCredentials(String clientId, String clientSecret) {
    }

    private final GoogleState state;
    private final GoogleSettings settings;

    TokenEndpoint(GoogleState state, GoogleSettings settings) {
        this.state = state;
        this.settings = settings;
    }

    /** Under the state lock; throws {@link OAuthError}. */
    Result exchange(SandboxRequest request, RequestParams params) {
        OAuthClient client = authenticate(credentials(request, params));
        String grantType = params.text("grant_type").orElse("");
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(client, params);
            case "refresh_token" -> refresh(client, params);
            default -> throw new OAuthError(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
        };
    }

    private Result authorizationCode(OAuthClient client, RequestParams params) {
        String value = params.text("code").filter(code -> !code.isEmpty())
                .orElseThrow(() -> OAuthError.invalidRequest("Missing required parameter: code"));
        Instant now = state.clock.now();
        AuthorizationCode code = state.tokens.redeem(value, now);
        if (!code.clientId().equals(client.clientId())) {
            throw OAuthError.invalidGrant("Unauthorized");
        }
        String redirectUri = params.text("redirect_uri")
                .orElseThrow(() -> OAuthError.invalidRequest("Missing parameter: redirect_uri"));
        if (!redirectUri.equals(code.redirectUri())) {
            throw new OAuthError(400, "redirect_uri_mismatch", "Bad Request");
        }
        checkVerifier(code, params.text("code_verifier").orElse(null));
        RefreshToken refresh = null;
        if (code.issueRefreshToken()) {
            refresh = new RefreshToken(state.ids.refreshToken(), client.clientId(), code.email(), code.scopes(), now);
            state.tokens.addRefreshToken(refresh);
        }
        ObjectNode body = issue(client, code.email(), code.scopes(), refresh == null ? null : refresh.value,
                code.nonce(), now);
        if (refresh != null) {
            body.put("refresh_token", refresh.value);
        }
        return new Result(body, code.email());
    }

    private Result refresh(OAuthClient client, RequestParams params) {
        String value = params.text("refresh_token").filter(token -> !token.isEmpty())
                .orElseThrow(() -> OAuthError.invalidRequest("Missing required parameter: refresh_token"));
        RefreshToken refresh = state.tokens.refreshToken(value);
        if (refresh == null || refresh.revoked) {
            throw OAuthError.invalidGrant("Token has been expired or revoked.");
        }
        if (!refresh.clientId.equals(client.clientId())) {
            throw new OAuthError(400, "unauthorized_client", "Unauthorized");
        }
        Set<String> scopes = refresh.scopes;
        if (params.text("scope").filter(scope -> !scope.isBlank()).isPresent()) {
            Set<String> narrowed = Scopes.parse(params.text("scope").get());
            if (!refresh.scopes.containsAll(narrowed)) {
                throw new OAuthError(400, "invalid_scope", "Some requested scopes were invalid.");
            }
            scopes = narrowed;
        }
        // No new refresh token: the client keeps the one it has.
        return new Result(issue(client, refresh.email, scopes, refresh.value, null, state.clock.now()), refresh.email);
    }

    private ObjectNode issue(OAuthClient client, String email, Set<String> scopes, String refreshToken, String nonce,
            Instant now) {
        long lifetime = settings.accessTokenLifetime.toSeconds();
        AccessToken access = new AccessToken(state.ids.accessToken(), client.clientId(), email, scopes,
                now.plusSeconds(lifetime), refreshToken);
        state.tokens.addAccessToken(access);
        ObjectNode body = Json.object().put("access_token", access.value).put("expires_in", lifetime)
                .put("scope", Scopes.join(scopes)).put("token_type", "Bearer");
        if (scopes.contains(Scopes.OPENID)) {
            body.put("id_token", IdTokens.create(state, client.clientId(), state.account(email),
                    scopes.contains(Scopes.EMAIL), nonce, now));
        }
        return body;
    }

    private static void checkVerifier(AuthorizationCode code, String verifier) {
        if (code.codeChallenge() == null) {
            return;
        }
        if (verifier == null) {
            throw OAuthError.invalidGrant("Missing code verifier.");
        }
        String expected = "S256".equals(code.codeChallengeMethod()) ? s256(verifier) : verifier;
        if (!expected.equals(code.codeChallenge())) {
            throw OAuthError.invalidGrant("Invalid code verifier.");
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OAuthClient authenticate(ClientCredentials credentials) {
        if (credentials.clientId() == null || credentials.clientId().isEmpty()) {
            throw OAuthError.invalidRequest("Could not determine client ID from request.");
        }
        OAuthClient client = state.clients.get(credentials.clientId());
        if (client == null) {
            throw OAuthError.invalidClient("The OAuth client was not found.");
        }
        if (credentials.clientSecret() == null || credentials.clientSecret().isEmpty()) {
            throw OAuthError.invalidRequest("client_secret is missing.");
        }
        if (!credentials.clientSecret().equals(client.clientSecret())) {
            throw OAuthError.invalidClient("Unauthorized");
        }
        return client;
    }

    /** HTTP Basic (RFC 6749 §2.3.1: both parts form-encoded) wins over form fields. */
    private static ClientCredentials credentials(SandboxRequest request, RequestParams params) {
        String authorization = request.header("Authorization").orElse("").trim();
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.invalidClient("Unauthorized");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthError.invalidClient("Unauthorized");
            }
            return new ClientCredentials(formDecode(decoded.substring(0, colon)),
                    formDecode(decoded.substring(colon + 1)));
        }
        return new ClientCredentials(params.text("client_id").orElse(null),
                params.text("client_secret").orElse(null));
    }

    private static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
