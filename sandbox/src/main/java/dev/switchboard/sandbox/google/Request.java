package dev.switchboard.sandbox.google;

import java.time.Instant;

/**
 * One HTTP request the emulator answered (the control surface excepted).
 *
 * @param apiMethod            e.g. {@code calendar.events.list}, {@code oauth.token}; {@code unknown} if no route matched
 * @param query                the raw query string, or null
 * @param authorizationPresent whether an {@code Authorization} header was sent
 * @param account              the account the call acted for: the bearer token's owner for
 *                             Calendar calls, the grant's account for token calls; null if unknown
 * @param accessToken          the bearer token presented (Calendar calls), or null; masked in {@link #toString()}
 */
public record Request(Instant at, String method, String path, String query, String apiMethod, int status,
        boolean authorizationPresent, String account, String accessToken) {

    @Override
    public String toString() {
        return "Request[" + method + " " + path + " " + apiMethod + " → " + status + ", account=" + account
                + ", authorization=" + (authorizationPresent ? "present" : "absent") + ", token="
                + Ids.mask(accessToken) + "]";
    }
}
