package dev.switchboard.sandbox.google;

import dev.switchboard.sandbox.http.Json;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenID Connect id tokens shaped like Google's. The signature is random bytes: clients may
 * decode the payload (fine for a token received straight from the token endpoint over TLS) but
 * cannot verify it against Google's keys.
 */
final class IdTokens {

    private IdTokens() {
    }

    static String create(GoogleState state, String clientId, Account account, boolean withEmail, String nonce,
            Instant now) {
        ObjectNode header = Json.object().put("alg", "RS256").put("kid", "sandbox").put("typ", "JWT");
        ObjectNode payload = Json.object().put("iss", "https://accounts.google.com").put("azp", clientId)
                .put("aud", clientId).put("sub", account.subject);
        if (withEmail) {
            payload.put("email", account.email).put("email_verified", true);
        }
        if (nonce != null) {
            payload.put("nonce", nonce);
        }
        payload.put("iat", now.getEpochSecond()).put("exp", now.getEpochSecond() + 3600);
        return Ids.base64Url(Json.write(header)) + "." + Ids.base64Url(Json.write(payload)) + "."
                + state.ids.signature();
    }
}
