package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sandbox.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The authorization-code flow, refresh, revocation and the token endpoint's errors. */
class GoogleOAuthIT extends GoogleITBase {

    @Test
    void theWholeFlowFromAuthorizeToInvalidGrant() {
        Map<String, String> params = authorizeParams(CALENDAR_EVENTS + " openid email", true);
        GoogleHttp.Reply redirect = http.authorize(params);
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI + "?");
        Map<String, String> query = GoogleHttp.queryOf(location);
        assertThat(query.get("state")).isEqualTo(params.get("state"));
        assertThat(query.get("code")).startsWith("4/0A");
        assertThat(query.get("scope").split(" ")).containsExactly(CALENDAR_EVENTS, "openid", Scopes.EMAIL);

        GoogleHttp.Reply exchanged = http.token(codeExchange(query.get("code")));
        assertThat(exchanged.status()).isEqualTo(200);
        assertThat(exchanged.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(exchanged.header("Cache-Control").orElseThrow()).contains("no-store");
        JsonNode tokens = exchanged.json();
        assertThat(tokens.path("access_token").asString()).startsWith("ya29.");
        assertThat(tokens.path("refresh_token").asString()).startsWith("1//");
        assertThat(tokens.path("expires_in").asInt()).isEqualTo(3599);
        assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.path("scope").asString()).contains(CALENDAR_EVENTS).contains("openid");
        JsonNode idToken = jwtPayload(tokens.path("id_token").asString());
        assertThat(idToken.path("email").asString()).isEqualTo(ANN);
        assertThat(idToken.path("aud").asString()).isEqualTo(CLIENT_ID);
        assertThat(idToken.path("iss").asString()).isEqualTo("https://accounts.google.com");

        String refreshToken = tokens.path("refresh_token").asString();
        GoogleHttp.Reply refreshed = http.token(refreshForm(refreshToken));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().has("refresh_token")).as("refresh keeps the old refresh token").isFalse();
        String newAccess = refreshed.json().path("access_token").asString();
        assertThat(newAccess).isNotEqualTo(tokens.path("access_token").asString());
        assertThat(http.get(newAccess, "calendars/primary/events").status()).isEqualTo(200);

        assertThat(http.revoke(refreshToken).status()).isEqualTo(200);
        GoogleHttp.Reply afterRevoke = http.token(refreshForm(refreshToken));
        assertThat(afterRevoke.status()).isEqualTo(400);
        assertThat(afterRevoke.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(afterRevoke.json().path("error_description").asString())
                .isEqualTo("Token has been expired or revoked.");
        assertThat(http.get(newAccess, "calendars/primary/events").status())
                .as("access tokens minted from a revoked refresh token die with it").isEqualTo(401);
        GoogleHttp.Reply revokedAgain = http.revoke(refreshToken);
        assertThat(revokedAgain.status()).isEqualTo(400);
        assertThat(revokedAgain.json().path("error").asString()).isEqualTo("invalid_token");
    }

    @Test
    void anUnregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
        Map<String, String> params = authorizeParams(CALENDAR_EVENTS, true);
        params.put("redirect_uri", REDIRECT_URI + "/");
        GoogleHttp.Reply reply = http.authorize(params);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isEmpty();
        assertThat(reply.body()).contains("redirect_uri_mismatch");

        params.put("redirect_uri", "http://LOCALHOST:8080/oauth2/callback/google");
        assertThat(http.authorize(params).body()).as("the match is exact").contains("redirect_uri_mismatch");
    }

    @Test
    void authorizeValidatesClientResponseTypeAndScopes() {
        Map<String, String> unknownClient = authorizeParams(CALENDAR_EVENTS, false);
        unknownClient.put("client_id", "nobody.apps.googleusercontent.com");
        GoogleHttp.Reply client = http.authorize(unknownClient);
        assertThat(client.status()).isEqualTo(401);
        assertThat(client.body()).contains("invalid_client");

        Map<String, String> token = authorizeParams(CALENDAR_EVENTS, false);
        token.put("response_type", "token");
        assertThat(http.authorize(token).body()).contains("unsupported_response_type");

        GoogleHttp.Reply scope = http.authorize(authorizeParams(Scopes.PREFIX + "calendar.everything", false));
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.body()).contains("invalid_scope").contains("calendar.everything");
        assertThat(scope.header("Location")).isEmpty();
    }

    @Test
    void aDenialRedirectsWithAccessDeniedAndTheState() {
        google.denyNextAuthorization();
        Map<String, String> params = authorizeParams(CALENDAR_EVENTS, true);
        GoogleHttp.Reply reply = http.authorize(params);
        assertThat(reply.status()).isEqualTo(302);
        Map<String, String> query = GoogleHttp.queryOf(reply.header("Location").orElseThrow());
        assertThat(query).containsEntry("error", "access_denied").containsEntry("state", params.get("state"))
                .doesNotContainKey("code");
        assertThat(GoogleHttp.queryOf(http.authorize(params).header("Location").orElseThrow()))
                .as("only the next authorization is denied").containsKey("code");
    }

    @Test
    void codesAreSingleUseAndBoundToTheirRedirectUriAndClient() {
        String code = authorizationCode(authorizeParams(CALENDAR_EVENTS, true));
        assertThat(http.token(codeExchange(code)).status()).isEqualTo(200);
        GoogleHttp.Reply reused = http.token(codeExchange(code));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("error").asString()).isEqualTo("invalid_grant");

        String other = authorizationCode(authorizeParams(CALENDAR_EVENTS, false));
        Map<String, String> wrongRedirect = codeExchange(other);
        wrongRedirect.put("redirect_uri", "http://localhost:8080/elsewhere");
        GoogleHttp.Reply mismatch = http.token(wrongRedirect);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().path("error").asString()).isEqualTo("redirect_uri_mismatch");

        google.registerClient("other-client", "other-secret", REDIRECT_URI);
        String third = authorizationCode(authorizeParams(CALENDAR_EVENTS, false));
        Map<String, String> foreign = codeExchange(third);
        foreign.put("client_id", "other-client");
        foreign.put("client_secret", "other-secret");
        assertThat(http.token(foreign).json().path("error").asString()).isEqualTo("invalid_grant");

        GoogleHttp.Reply malformed = http.token(codeExchange("4/0Anever-issued"));
        assertThat(malformed.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void codesExpireAfterTenMinutesOnTheEmulatorClock() {
        String code = authorizationCode(authorizeParams(CALENDAR_EVENTS, false));
        google.advanceClock(Duration.ofMinutes(10));
        assertThat(http.token(codeExchange(code)).json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshTokensOnlyForOfflineAccessAndOnlyOnFirstConsentUnlessPromptConsent() {
        assertThat(connect(CALENDAR_EVENTS, false).refreshToken()).as("online access").isNull();
        Tokens first = connect(CALENDAR_EVENTS, true);
        assertThat(first.refreshToken()).as("first offline consent").isNotNull();
        assertThat(connect(CALENDAR_EVENTS, true).refreshToken()).as("consent already given").isNull();

        Map<String, String> forced = authorizeParams(CALENDAR_EVENTS, true);
        forced.put("prompt", "consent");
        GoogleHttp.Reply again = http.token(codeExchange(authorizationCode(forced)));
        String second = again.json().path("refresh_token").asString();
        assertThat(second).startsWith("1//").isNotEqualTo(first.refreshToken());
        assertThat(http.token(refreshForm(first.refreshToken())).status())
                .as("the earlier refresh token keeps working").isEqualTo(200);

        google.account("bob@example.com");
        assertThat(connect(CALENDAR_EVENTS, true).refreshToken()).as("another account consents afresh").isNotNull();
    }

    @Test
    void accessTokensExpireByTheEmulatorClock() {
        google.accessTokenLifetime(Duration.ofSeconds(120));
        Tokens tokens = connect(CALENDAR_EVENTS, true);
        assertThat(tokens.response().get("expires_in")).isEqualTo(120);
        assertThat(http.get(tokens.accessToken(), "calendars/primary/events").status()).isEqualTo(200);

        google.advanceClock(Duration.ofSeconds(121));
        GoogleHttp.Reply expired = http.get(tokens.accessToken(), "calendars/primary/events");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorReason()).isEqualTo("authError");
        assertThat(expired.json().path("error").path("status").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(expired.header("WWW-Authenticate").orElseThrow()).contains("invalid_token");

        String fresh = http.token(refreshForm(tokens.refreshToken())).json().path("access_token").asString();
        assertThat(http.get(fresh, "calendars/primary/events").status()).isEqualTo(200);
    }

    @Test
    void clientsAuthenticateWithFormFieldsOrHttpBasic() {
        Tokens tokens = connect(CALENDAR_EVENTS, true);
        GoogleHttp.Reply basic = http.tokenWithBasic(CLIENT_ID, CLIENT_SECRET,
                Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));
        assertThat(basic.status()).isEqualTo(200);

        GoogleHttp.Reply wrongSecret = http.tokenWithBasic(CLIENT_ID, "nope",
                Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().path("error").asString()).isEqualTo("invalid_client");

        Map<String, String> unknown = refreshForm(tokens.refreshToken());
        unknown.put("client_id", "ghost.apps.googleusercontent.com");
        assertThat(http.token(unknown).status()).isEqualTo(401);

        Map<String, String> noSecret = refreshForm(tokens.refreshToken());
        noSecret.remove("client_secret");
        GoogleHttp.Reply missing = http.token(noSecret);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").asString()).isEqualTo("invalid_request");

        Map<String, String> badGrant = refreshForm(tokens.refreshToken());
        badGrant.put("grant_type", "password");
        GoogleHttp.Reply unsupported = http.token(badGrant);
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().path("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void theUserRevokingAccessInTheirAccountKillsRefreshAndAccessTokens() {
        Tokens tokens = connect(CALENDAR_EVENTS, true);
        assertThat(google.revokeRefreshTokens(ANN)).isEqualTo(1);
        assertThat(http.get(tokens.accessToken(), "calendars/primary/events").status()).isEqualTo(401);
        GoogleHttp.Reply refresh = http.token(refreshForm(tokens.refreshToken()));
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(connect(CALENDAR_EVENTS, true).refreshToken()).as("reconnecting consents afresh").isNotNull();
    }

    @Test
    void revokingAnAccessTokenRevokesItsRefreshToken() {
        Tokens tokens = connect(CALENDAR_EVENTS, true);
        assertThat(http.revoke(tokens.accessToken()).status()).isEqualTo(200);
        assertThat(http.get(tokens.accessToken(), "calendars/primary/events").status()).isEqualTo(401);
        assertThat(http.token(refreshForm(tokens.refreshToken())).json().path("error").asString())
                .isEqualTo("invalid_grant");
    }

    @Test
    void aTokenEndpointOutageAnswers503ThenRecovers() {
        Tokens tokens = connect(CALENDAR_EVENTS, true);
        google.tokenEndpointOutage(2);
        GoogleHttp.Reply down = http.token(refreshForm(tokens.refreshToken()));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(http.token(refreshForm(tokens.refreshToken())).status()).isEqualTo(503);
        assertThat(http.token(refreshForm(tokens.refreshToken())).status()).isEqualTo(200);
    }

    @Test
    void pkceVerifierIsChecked() throws Exception {
        String verifier = "a-verifier-of-at-least-forty-three-characters-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        Map<String, String> params = authorizeParams(CALENDAR_EVENTS, false);
        params.put("code_challenge", challenge);
        params.put("code_challenge_method", "S256");
        Map<String, String> wrong = codeExchange(authorizationCode(params));
        wrong.put("code_verifier", "something-else-entirely-and-long-enough-to-count");
        assertThat(http.token(wrong).json().path("error").asString()).isEqualTo("invalid_grant");

        Map<String, String> right = codeExchange(authorizationCode(params));
        right.put("code_verifier", verifier);
        assertThat(http.token(right).status()).isEqualTo(200);
    }

    @Test
    void usersMayGrantFewerScopesThanRequested() {
        google.grantOnlyScopes(Scopes.PREFIX + "calendar.readonly");
        Tokens tokens = connect(CALENDAR_EVENTS + " " + Scopes.PREFIX + "calendar.readonly openid", false);
        assertThat(tokens.response().get("scope").toString().split(" "))
                .containsExactlyInAnyOrder("openid", Scopes.PREFIX + "calendar.readonly");
        GoogleHttp.Reply write = http.post(tokens.accessToken(), "calendars/primary/events",
                "{\"start\":{\"dateTime\":\"2025-03-01T10:00:00Z\"},\"end\":{\"dateTime\":\"2025-03-01T11:00:00Z\"}}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.errorReason()).isEqualTo("insufficientPermissions");
        assertThat(http.get(tokens.accessToken(), "calendars/primary/events").status()).isEqualTo(200);
    }

    @Test
    void loginHintPicksAKnownAccountAndTheTokenActsForIt() {
        google.account("bob@example.com");
        Map<String, String> params = authorizeParams(CALENDAR_EVENTS, false);
        params.put("login_hint", ANN);
        String token = http.token(codeExchange(authorizationCode(params))).json().path("access_token").asString();
        http.get(token, "calendars/primary/events");
        Request last = google.requests().get(google.requests().size() - 1);
        assertThat(last.account()).isEqualTo(ANN);
        assertThat(last.accessToken()).isEqualTo(token);
        assertThat(last.toString()).doesNotContain(token);
    }

    private static Map<String, String> refreshForm(String refreshToken) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", CLIENT_ID);
        form.put("client_secret", CLIENT_SECRET);
        return form;
    }

    private static JsonNode jwtPayload(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
