package dev.switchboard.core.integration;

import dev.switchboard.core.channel.ChannelException;

/**
 * The provider refused the credentials (422 to the user) or could not be reached (502). The
 * message is the provider's reason.
 */
public class ConnectFailedException extends RuntimeException {

    private final boolean rejected;

    public ConnectFailedException(ChannelException cause) {
        super(cause.getMessage());
        this.rejected = !cause.retryable();
    }

    /** True when the provider answered and said no; false when it could not be reached or failed. */
    public boolean rejected() {
        return rejected;
    }
}
