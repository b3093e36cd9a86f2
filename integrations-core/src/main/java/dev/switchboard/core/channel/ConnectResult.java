package dev.switchboard.core.channel;

import java.util.Map;

/**
 * The outcome of a successful connect.
 *
 * @param credentials    what to seal and store (the user's, plus any secret the provider generated)
 * @param settings       the effective settings (defaults filled in, remote identity such as the bot username)
 * @param detail         a sentence for the user, e.g. "webhook registered" or "polling: no public HTTPS URL"
 */
public record ConnectResult(ChannelCredentials credentials, Map<String, Object> settings, String detail) {
}
