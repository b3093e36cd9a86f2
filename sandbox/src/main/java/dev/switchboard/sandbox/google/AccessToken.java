package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** An issued access token; {@code refreshToken} is the one it was minted from or with, if any. */
final class AccessToken {

    final String value;
    final String clientId;
    final String email;
    final Set<String> scopes;
    final Instant expiresAt;
    final String refreshToken;
    boolean revoked;

    AccessToken(String value, String clientId, String email, Set<String> scopes, Instant expiresAt,
            String refreshToken) {
        this.value = value;
        this.clientId = clientId;
        this.email = email;
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
        this.expiresAt = expiresAt;
        this.refreshToken = refreshToken;
    }

    boolean usableAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[" + Ids.mask(value) + ", " + email + "]";
    }
}
