package dev.switchboard.core.channel;

/**
 * What a channel can carry. Channels without buttons get numbered text replies instead.
 *
 * @param perIntegrationPerSecond the provider's published send rate for one bot / number
 * @param perChatPerSecond        the provider's published send rate for one chat
 * @param perGroupPerMinute       the provider's published send rate for one group chat
 */
public record ChannelCapabilities(
        boolean buttons,
        boolean media,
        boolean location,
        boolean contact,
        int maxTextLength,
        double perIntegrationPerSecond,
        double perChatPerSecond,
        int perGroupPerMinute) {
}
