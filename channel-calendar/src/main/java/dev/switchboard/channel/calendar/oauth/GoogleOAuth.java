package dev.switchboard.channel.calendar.oauth;

import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.json.JsonFactory;
import dev.switchboard.channel.calendar.GoogleCalendarProperties;
import dev.switchboard.channel.calendar.GoogleException;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.vault.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Google's OAuth 2.0 endpoints through google-oauth-client: the consent URL (offline access,
 * forced consent so a refresh token is always issued), the code exchange, refreshes, revocation.
 */
public class GoogleOAuth {

    private final GoogleCalendarProperties properties;
    private final HttpTransport transport;
    private final JsonFactory json;

    public GoogleOAuth(GoogleCalendarProperties properties, HttpTransport transport, JsonFactory json) {
        this.properties = properties;
        this.transport = transport;
        this.json = json;
    }

    public URI authorizationUrl(String state, URI redirectUri) {
        AuthorizationCodeRequestUrl url = new AuthorizationCodeRequestUrl(properties.authUrl().toString(),
                properties.clientId())
                .setRedirectUri(redirectUri.toString())
                .setScopes(properties.scopes())
                .setState(state);
        url.set("access_type", "offline");
        url.set("prompt", "consent");
        url.set("include_granted_scopes", "true");
        return URI.create(url.build());
    }

    /** @return the tokens; the refresh token is what the integration keeps */
    public TokenResponse exchange(String code, URI redirectUri) throws ChannelException {
        try {
            return new AuthorizationCodeTokenRequest(transport, json, new GenericUrl(properties.tokenUrl()), code)
                    .setRedirectUri(redirectUri.toString())
                    .setClientAuthentication(client())
                    .execute();
        } catch (TokenResponseException e) {
            throw refused(e);
        } catch (IOException e) {
            throw ChannelException.unreachable("Google's token endpoint is unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    public TokenResponse refresh(Secret refreshToken) throws ChannelException {
        try {
            return new RefreshTokenRequest(transport, json, new GenericUrl(properties.tokenUrl()), refreshToken.reveal())
                    .setClientAuthentication(client())
                    .execute();
        } catch (TokenResponseException e) {
            throw refused(e);
        } catch (IOException e) {
            throw ChannelException.unreachable("Google's token endpoint is unreachable (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Revokes the grant (the refresh token and its access tokens). */
    public void revoke(Secret refreshToken) throws ChannelException {
        try {
            transport.createRequestFactory()
                    .buildPostRequest(new GenericUrl(properties.revokeUrl()),
                            new UrlEncodedContent(Map.of("token", refreshToken.reveal())))
                    .setThrowExceptionOnExecuteError(false)
                    .execute()
                    .disconnect();
        } catch (IOException e) {
            throw ChannelException.unreachable("Google's revocation endpoint is unreachable");
        }
    }

    private ClientParametersAuthentication client() {
        return new ClientParametersAuthentication(properties.clientId(), properties.clientSecret());
    }

    private static ChannelException refused(TokenResponseException e) {
        String error = e.getDetails() == null ? null : e.getDetails().getError();
        if ("invalid_grant".equals(error)) {
            return GoogleException.reconnectNeeded();
        }
        if (e.getStatusCode() >= 500) {
            return GoogleException.of(e.getStatusCode(), error, "the token endpoint failed");
        }
        return new GoogleException(ChannelException.Kind.UNAUTHORIZED, e.getStatusCode(), error,
                "Google refused the OAuth request" + (error == null ? "" : ": " + error));
    }
}
