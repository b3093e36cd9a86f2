package dev.switchboard.sandbox.google;

import java.util.List;

/** A registered OAuth client (a "Web application" client in the Cloud console). */
record OAuthClient(String clientId, String clientSecret, List<String> redirectUris) {

    OAuthClient {
        redirectUris = List.copyOf(redirectUris);
    }

    /** Google compares redirect URIs exactly: scheme, host, port, path and query. */
    boolean allowsRedirect(String redirectUri) {
        return redirectUris.contains(redirectUri);
    }

    @Override
    public String toString() {
        return "OAuthClient[" + clientId + "]";
    }
}
