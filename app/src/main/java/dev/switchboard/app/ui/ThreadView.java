package dev.switchboard.app.ui;

import java.util.List;
import java.util.UUID;

/**
 * One conversation as the inbox shows it.
 *
 * @param shownFrom how many older messages are not shown (0 when all are)
 */
public record ThreadView(UUID id, String title, String subtitle, String channel, String channelType, boolean human,
                  boolean channelDisabled, List<MessageBubble> messages, long shownFrom) {
}
