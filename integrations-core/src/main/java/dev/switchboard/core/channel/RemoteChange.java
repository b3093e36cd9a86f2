package dev.switchboard.core.channel;

/**
 * The provider says something changed on its side without saying what (Google Calendar's push
 * notifications): the integration's {@link ChannelProvider#synchronize} is queued to fetch it.
 */
public record RemoteChange(String dedupKey) implements InboundEvent {
}
