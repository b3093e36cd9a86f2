package dev.switchboard.channel.calendar.oauth;

import com.google.api.client.auth.oauth2.TokenResponse;
import dev.switchboard.core.channel.ChannelException;
import dev.switchboard.core.vault.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens per integration, refreshed a minute before they expire (or when Google says 401),
 * one refresh at a time per integration however many calls want one.
 */
public class AccessTokens {

    private static final Duration EARLY = Duration.ofSeconds(60);

    private record Token(Secret value, Instant expires) {
    }

    private final GoogleOAuth oauth;
    private final Clock clock;
    private final Map<UUID, Token> tokens = new ConcurrentHashMap<>();
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();

    public AccessTokens(GoogleOAuth oauth, Clock clock) {
        this.oauth = oauth;
        this.clock = clock;
    }

    public Secret current(UUID integrationId, Secret refreshToken) throws ChannelException {
        Token token = tokens.get(integrationId);
        if (token != null && token.expires().isAfter(clock.instant().plus(EARLY))) {
            return token.value();
        }
        synchronized (locks.computeIfAbsent(integrationId, id -> new Object())) {
            Token again = tokens.get(integrationId);
            if (again != null && again != token && again.expires().isAfter(clock.instant().plus(EARLY))) {
                return again.value();
            }
            return refresh(integrationId, refreshToken);
        }
    }

    /** Drops the cached token (Google answered 401 with it) and gets a new one. */
    public Secret renew(UUID integrationId, Secret refreshToken) throws ChannelException {
        synchronized (locks.computeIfAbsent(integrationId, id -> new Object())) {
            return refresh(integrationId, refreshToken);
        }
    }

    public void forget(UUID integrationId) {
        tokens.remove(integrationId);
    }

    private Secret refresh(UUID integrationId, Secret refreshToken) throws ChannelException {
        TokenResponse response = oauth.refresh(refreshToken);
        long lifetime = response.getExpiresInSeconds() == null ? 3600 : response.getExpiresInSeconds();
        Token token = new Token(Secret.of(response.getAccessToken()), clock.instant().plusSeconds(lifetime));
        tokens.put(integrationId, token);
        return token.value();
    }
}
