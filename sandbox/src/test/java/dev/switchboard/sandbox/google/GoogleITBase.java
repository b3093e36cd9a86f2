package dev.switchboard.sandbox.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One emulator per test class, reset before every test, with a registered client and a signed-in user. */
abstract class GoogleITBase {

    static final String CLIENT_ID = "123456789012-abcdefghijklmnop.apps.googleusercontent.com";
    static final String CLIENT_SECRET = "GOCSPX-sandbox-secret";
    static final String REDIRECT_URI = "http://localhost:8080/oauth2/callback/google";
    static final String ANN = "ann@example.com";
    static final String CALENDAR_EVENTS = Scopes.PREFIX + "calendar.events";
    static final String CALENDAR = Scopes.PREFIX + "calendar";

    /** An access token with the refresh token issued alongside it, if any. */
    record Tokens(String accessToken, String refreshToken, Map<String, Object> response) {
    }

    static GoogleEmulator google;
    static GoogleHttp http;

    @BeforeAll
    static void startEmulator() {
        google = GoogleEmulator.start();
        http = new GoogleHttp(google);
    }

    @AfterAll
    static void stopEmulator() {
        google.close();
    }

    @BeforeEach
    void seed() {
        google.reset();
        google.accessTokenLifetime(Duration.ofSeconds(3599));
        google.allowInsecurePushAddresses(false);
        google.maxChannelLifetime(Duration.ofDays(7));
        google.pushRetry(Duration.ofMillis(20), Duration.ofMillis(80), 5);
        google.pushResponseTimeout(Duration.ofSeconds(2));
        google.enforceScopes(true);
        google.registerClient(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI);
        google.account(ANN);
    }

    static Map<String, String> authorizeParams(String scope, boolean offline) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", CLIENT_ID);
        params.put("redirect_uri", REDIRECT_URI);
        params.put("response_type", "code");
        params.put("scope", scope);
        params.put("state", "st-" + System.nanoTime());
        if (offline) {
            params.put("access_type", "offline");
        }
        return params;
    }

    /** Authorizes and returns the code from the redirect. */
    static String authorizationCode(Map<String, String> params) {
        GoogleHttp.Reply reply = http.authorize(params);
        assertThat(reply.status()).as(reply.body()).isEqualTo(302);
        Map<String, String> query = GoogleHttp.queryOf(reply.header("Location").orElseThrow());
        assertThat(query).containsKey("code");
        return query.get("code");
    }

    static Map<String, String> codeExchange(String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("client_id", CLIENT_ID);
        form.put("client_secret", CLIENT_SECRET);
        form.put("redirect_uri", REDIRECT_URI);
        form.put("grant_type", "authorization_code");
        return form;
    }

    /** The whole flow for the signed-in user: authorize, exchange the code. */
    static Tokens connect(String scope, boolean offline) {
        GoogleHttp.Reply reply = http.token(codeExchange(authorizationCode(authorizeParams(scope, offline))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = dev.switchboard.sandbox.http.Json.MAPPER.convertValue(reply.json(), Map.class);
        return new Tokens((String) body.get("access_token"), (String) body.get("refresh_token"), body);
    }

    static String annToken() {
        return connect(CALENDAR_EVENTS, false).accessToken();
    }
}
