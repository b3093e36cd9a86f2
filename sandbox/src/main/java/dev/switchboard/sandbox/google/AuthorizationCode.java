package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.util.Set;

/** An issued authorization code: single use, bound to its client and redirect URI. */
record AuthorizationCode(String value, String clientId, String redirectUri, String email, Set<String> scopes,
        boolean issueRefreshToken, String codeChallenge, String codeChallengeMethod, String nonce,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "AuthorizationCode[" + clientId + ", " + email + "]";
    }
}
