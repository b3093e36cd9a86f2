package dev.switchboard.sandbox.telegram;

import dev.switchboard.sandbox.http.Json;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates stored files and the PhotoSize/Document/Voice objects that describe them, for both
 * directions: media users send (injected) and media bots send.
 */
final class MediaFactory {

    private static final int[][] PHOTO_SIZES = {{90, 67, 1_200}, {320, 240, 14_000}, {800, 600, 60_000}};
    private static final Map<String, String> MIME_BY_EXTENSION = Map.of("pdf", "application/pdf", "zip",
            "application/zip", "gif", "image/gif", "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
            "txt", "text/plain", "csv", "text/csv", "json", "application/json", "ogg", "audio/ogg");

    private final TelegramState state;

    MediaFactory(TelegramState state) {
        this.state = state;
    }

    /** Three sizes, smallest first, as Telegram sends them; {@code largest} becomes the biggest size's bytes. */
    ArrayNode photo(long botId, byte[] largest) {
        ArrayNode sizes = Json.array();
        StoredFile[] files = new StoredFile[PHOTO_SIZES.length];
        for (int i = 0; i < PHOTO_SIZES.length; i++) {
            int[] size = PHOTO_SIZES[i];
            byte[] content = i == PHOTO_SIZES.length - 1 && largest != null ? largest
                    : SyntheticBytes.forMimeType("image/jpeg", size[2], state.random);
            files[i] = state.files.add(botId, StoredFile.Kind.PHOTO, content, "image/jpeg", "jpg", state.random);
            ObjectNode photoSize = fileFields(files[i]);
            photoSize.put("width", size[0]);
            photoSize.put("height", size[1]);
            sizes.add(photoSize);
        }
        for (StoredFile file : files) {
            file.media(sizes);
        }
        return sizes;
    }

    ObjectNode document(long botId, String fileName, String mimeType, byte[] content) {
        String mime = mimeType == null || mimeType.isBlank() || mimeType.equals("application/octet-stream")
                ? guessMimeType(fileName) : mimeType;
        StoredFile file = state.files.add(botId, StoredFile.Kind.DOCUMENT, content, mime, extension(fileName),
                state.random);
        ObjectNode document = Json.object();
        document.put("file_name", fileName);
        document.put("mime_type", mime);
        document.setAll(fileFields(file));
        file.media(document);
        return document;
    }

    ObjectNode voice(long botId, int durationSeconds) {
        byte[] content = SyntheticBytes.forMimeType("audio/ogg", 2_000 + durationSeconds * 1_600, state.random);
        StoredFile file = state.files.add(botId, StoredFile.Kind.VOICE, content, "audio/ogg", "oga", state.random);
        ObjectNode voice = Json.object();
        voice.put("duration", durationSeconds);
        voice.put("mime_type", "audio/ogg");
        voice.setAll(fileFields(file));
        file.media(voice);
        return voice;
    }

    static String guessMimeType(String fileName) {
        return MIME_BY_EXTENSION.getOrDefault(extension(fileName), "application/octet-stream");
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static ObjectNode fileFields(StoredFile file) {
        ObjectNode json = Json.object();
        json.put("file_id", file.fileId());
        json.put("file_unique_id", file.fileUniqueId());
        json.put("file_size", file.content().length);
        return json;
    }
}
