package dev.switchboard.channel.telegram.model;

/** A pressed inline button. {@code message} may be missing for very old messages. */
public record TgCallbackQuery(String id, TgUser from, TgMessage message, String chatInstance, String data) {
}
