package dev.switchboard.sandbox.google;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Codes, access tokens, refresh tokens and what each user has consented to per client. Not
 * thread-safe: used under the state lock.
 */
final class TokenStore {

    /** Google keeps about 100 live refresh tokens per client and account; older ones stop working. */
    static final int REFRESH_TOKENS_PER_CLIENT_AND_ACCOUNT = 100;
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private final Map<String, AuthorizationCode> codes = new HashMap<>();
    private final Set<String> spentCodes = new HashSet<>();
    private final Map<String, AccessToken> accessTokens = new HashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    /** "clientId email" pairs whose offline access the user has already consented to. */
    private final Set<String> offlineConsents = new HashSet<>();
    /** "clientId email" → scopes granted so far (for include_granted_scopes and prompt=none). */
    private final Map<String, Set<String>> grantedScopes = new HashMap<>();

    void clear() {
        codes.clear();
        spentCodes.clear();
        accessTokens.clear();
        refreshTokens.clear();
        offlineConsents.clear();
        grantedScopes.clear();
    }

    // ---- consent

    boolean hasOfflineConsent(String clientId, String email) {
        return offlineConsents.contains(key(clientId, email));
    }

    Set<String> grantedScopes(String clientId, String email) {
        return grantedScopes.getOrDefault(key(clientId, email), Set.of());
    }

    void recordConsent(String clientId, String email, Set<String> scopes, boolean offline) {
        grantedScopes.computeIfAbsent(key(clientId, email), k -> new LinkedHashSet<>()).addAll(scopes);
        if (offline) {
            offlineConsents.add(key(clientId, email));
        }
    }

    // ---- codes

    void addCode(AuthorizationCode code) {
        codes.put(code.value(), code);
    }

    /** Removes the code: whatever happens next, it cannot be used again. */
    AuthorizationCode redeem(String value, Instant now) {
        AuthorizationCode code = codes.remove(value);
        if (code == null) {
            throw OAuthError.invalidGrant(spentCodes.contains(value) ? "Bad Request" : "Malformed auth code.");
        }
        spentCodes.add(value);
        if (!now.isBefore(code.expiresAt())) {
            throw OAuthError.invalidGrant("Bad Request");
        }
        return code;
    }

    // ---- tokens

    void addAccessToken(AccessToken token) {
        accessTokens.put(token.value, token);
    }

    AccessToken accessToken(String value) {
        return accessTokens.get(value);
    }

    RefreshToken refreshToken(String value) {
        return refreshTokens.get(value);
    }

    /** Adds the token and retires the oldest live ones beyond the per-client limit. */
    void addRefreshToken(RefreshToken token) {
        refreshTokens.put(token.value, token);
        List<RefreshToken> live = new ArrayList<>(refreshTokens.values().stream()
                .filter(other -> !other.revoked && other.clientId.equals(token.clientId)
                        && other.email.equals(token.email))
                .sorted(Comparator.comparing((RefreshToken other) -> other.issuedAt))
                .toList());
        while (live.size() > REFRESH_TOKENS_PER_CLIENT_AND_ACCOUNT) {
            revokeRefreshToken(live.remove(0));
        }
    }

    /** Revokes a refresh token with every access token minted from it. */
    void revokeRefreshToken(RefreshToken token) {
        token.revoked = true;
        accessTokens.values().stream().filter(access -> token.value.equals(access.refreshToken))
                .forEach(access -> access.revoked = true);
        boolean anyLeft = refreshTokens.values().stream().anyMatch(other -> !other.revoked
                && other.clientId.equals(token.clientId) && other.email.equals(token.email));
        if (!anyLeft) {
            offlineConsents.remove(key(token.clientId, token.email));
        }
    }

    /** What the user does under "Third-party access" in their Google account: every client loses access. */
    int revokeAllFor(String email) {
        int revoked = 0;
        for (RefreshToken token : refreshTokens.values()) {
            if (token.email.equals(email) && !token.revoked) {
                token.revoked = true;
                revoked++;
            }
        }
        accessTokens.values().stream().filter(access -> access.email.equals(email))
                .forEach(access -> access.revoked = true);
        offlineConsents.removeIf(pair -> pair.endsWith(" " + email));
        grantedScopes.keySet().removeIf(pair -> pair.endsWith(" " + email));
        return revoked;
    }

    private static String key(String clientId, String email) {
        return clientId + " " + email;
    }
}
