package dev.switchboard.app.ui;

import java.time.Instant;
import java.util.UUID;

/** A conversation in the inbox list: who, on which channel, the latest words, and who answers. */
public record ConversationRow(UUID id, String title, String channel, String channelType, String preview, boolean lastInbound,
                       Instant lastMessageAt, boolean human) {
}
