package dev.switchboard.core.notify;

import java.util.UUID;

/** Where the business is told things: a chat ({@code to}) reached through one of its integrations. */
public record NotificationRecipient(UUID integrationId, String to) {
}
