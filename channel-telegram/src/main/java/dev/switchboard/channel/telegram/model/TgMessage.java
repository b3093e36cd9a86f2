package dev.switchboard.channel.telegram.model;

import java.util.List;

/** The parts of Telegram's Message that Switchboard reads. Unknown fields are ignored. */
public record TgMessage(
        long messageId,
        Long date,
        TgUser from,
        TgChat chat,
        String text,
        String caption,
        List<PhotoSize> photo,
        Document document,
        Voice voice,
        Location location,
        Contact contact) {

    public record PhotoSize(String fileId, String fileUniqueId, Integer width, Integer height, Long fileSize) {
    }

    public record Document(String fileId, String fileUniqueId, String fileName, String mimeType, Long fileSize) {
    }

    public record Voice(String fileId, String fileUniqueId, Integer duration, String mimeType, Long fileSize) {
    }

    public record Location(double latitude, double longitude) {
    }

    public record Contact(String phoneNumber, String firstName, String lastName, Long userId) {
    }
}
