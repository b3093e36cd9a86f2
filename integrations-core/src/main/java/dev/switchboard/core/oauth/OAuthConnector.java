package dev.switchboard.core.oauth;

import dev.switchboard.core.channel.ChannelCredentials;
import dev.switchboard.core.channel.ChannelException;
import java.net.URI;

/**
 * A channel connected through an OAuth 2.0 authorization-code flow (Google Calendar). The app
 * sends the browser to {@link #authorizationUrl}, and on the way back exchanges the code for the
 * credentials an integration of {@link #integrationType()} is created with.
 */
public interface OAuthConnector {

    /** The path segment of the flow: {@code /oauth/{provider}/callback}. */
    String provider();

    String integrationType();

    /** False when the OAuth client is not configured: the flow answers 503 with {@link #unavailableReason()}. */
    boolean configured();

    String unavailableReason();

    URI authorizationUrl(String state, URI redirectUri);

    ChannelCredentials exchange(String code, URI redirectUri) throws ChannelException;
}
