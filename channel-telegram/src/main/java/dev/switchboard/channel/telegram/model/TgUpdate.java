package dev.switchboard.channel.telegram.model;

/** One Update: an increasing id and at most one of the payloads we handle (others are ignored). */
public record TgUpdate(Long updateId, TgMessage message, TgCallbackQuery callbackQuery) {
}
