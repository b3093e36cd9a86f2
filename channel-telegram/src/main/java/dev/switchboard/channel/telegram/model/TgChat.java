package dev.switchboard.channel.telegram.model;

/** @param type private, group, supergroup or channel; group ids are negative */
public record TgChat(long id, String type, String title, String username, String firstName) {
}
