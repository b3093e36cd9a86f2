package dev.switchboard.channel.telegram.model;

/** Telegram's User. Ids exceed 32 bits: always long. */
public record TgUser(long id, Boolean isBot, String firstName, String lastName, String username, String languageCode) {

    public String displayName() {
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName;
    }
}
