package dev.switchboard.sandbox.telegram;

/** A human Telegram user; their private chat with any bot has the same id. */
public record TgUser(long id, String firstName, String username, String languageCode) {
}
