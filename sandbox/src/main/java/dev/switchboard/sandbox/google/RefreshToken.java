package dev.switchboard.sandbox.google;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** An issued refresh token. */
final class RefreshToken {

    final String value;
    final String clientId;
    final String email;
    final Set<String> scopes;
    final Instant issuedAt;
    boolean revoked;

    RefreshToken(String value, String clientId, String email, Set<String> scopes, Instant issuedAt) {
        this.value = value;
        this.clientId = clientId;
        this.email = email;
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
        this.issuedAt = issuedAt;
    }

    @Override
    public String toString() {
        return "RefreshToken[" + Ids.mask(value) + ", " + email + "]";
    }
}
