package dev.switchboard.app.api;

import dev.switchboard.core.channel.ChannelException;

/** A provider call made for an API request failed: 422 when the provider said no, 502 when it failed or was away. */
public class ProviderFailureException extends RuntimeException {

    private final boolean refused;

    public ProviderFailureException(ChannelException cause) {
        super(cause.getMessage());
        this.refused = !cause.retryable();
    }

    public int status() {
        return refused ? 422 : 502;
    }
}
