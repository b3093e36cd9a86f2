package dev.switchboard.core.conversation;

import java.util.UUID;

/**
 * A conversation got a message or a message's status changed. Published on every node (through
 * PostgreSQL's LISTEN/NOTIFY) after the change committed: what live views (the inbox) follow.
 */
public record ConversationChanged(UUID tenantId, UUID conversationId) {
}
