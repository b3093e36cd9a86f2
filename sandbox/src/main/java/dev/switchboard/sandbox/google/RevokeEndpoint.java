package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.RequestParams;

/**
 * {@code POST /revoke?token=...} (or {@code token} in the form): revokes a refresh token with
 * the access tokens minted from it, or an access token with its refresh token. An unknown or
 * already invalid token is 400 {@code invalid_token}.
 */
final class RevokeEndpoint {

    private final GoogleState state;

    RevokeEndpoint(GoogleState state) {
        this.state = state;
    }

    /** Under the state lock; returns the account whose grant was revoked. */
    String revoke(RequestParams params) {
        String value = params.text("token").filter(token -> !token.isEmpty())
                .orElseThrow(() -> OAuthError.invalidRequest("Missing required parameter: token"));
        RefreshToken refresh = state.tokens.refreshToken(value);
        if (refresh != null && !refresh.revoked) {
            state.tokens.revokeRefreshToken(refresh);
            return refresh.email;
        }
        AccessToken access = state.tokens.accessToken(value);
        if (access != null && access.usableAt(state.clock.now())) {
            access.revoked = true;
            RefreshToken parent = access.refreshToken == null ? null : state.tokens.refreshToken(access.refreshToken);
            if (parent != null && !parent.revoked) {
                state.tokens.revokeRefreshToken(parent);
            }
            return access.email;
        }
        throw new OAuthError(400, "invalid_token", "Token expired or revoked");
    }
}
