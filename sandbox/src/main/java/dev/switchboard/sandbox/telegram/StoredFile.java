package dev.switchboard.sandbox.telegram;

import tools.jackson.databind.JsonNode;

/**
 * A file a bot can reference by file_id, fetch with getFile and download. {@code media} is how
 * the file appears in a Message (a PhotoSize array for photos, a Document or Voice object), so
 * re-sending by file_id reproduces it. file_ids are valid only for the bot that received them.
 */
final class StoredFile {

    enum Kind { PHOTO, DOCUMENT, VOICE }

    private final String fileId;
    private final String fileUniqueId;
    private final long ownerBotId;
    private final Kind kind;
    private final byte[] content;
    private final String mimeType;
    private final String filePath;
    private JsonNode media;

    StoredFile(String fileId, String fileUniqueId, long ownerBotId, Kind kind, byte[] content, String mimeType,
            String filePath) {
        this.fileId = fileId;
        this.fileUniqueId = fileUniqueId;
        this.ownerBotId = ownerBotId;
        this.kind = kind;
        this.content = content;
        this.mimeType = mimeType;
        this.filePath = filePath;
    }

    String fileId() {
        return fileId;
    }

    String fileUniqueId() {
        return fileUniqueId;
    }

    long ownerBotId() {
        return ownerBotId;
    }

    Kind kind() {
        return kind;
    }

    byte[] content() {
        return content;
    }

    String mimeType() {
        return mimeType;
    }

    String filePath() {
        return filePath;
    }

    JsonNode media() {
        return media;
    }

    void media(JsonNode media) {
        this.media = media;
    }
}
