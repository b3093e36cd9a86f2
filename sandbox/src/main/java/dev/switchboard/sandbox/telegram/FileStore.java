package dev.switchboard.sandbox.telegram;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Files by file_id and by file_path, with Telegram-looking identifiers. */
final class FileStore {

    private final Map<String, StoredFile> byId = new HashMap<>();
    private final Map<String, StoredFile> byPath = new HashMap<>();
    private int sequence;

    StoredFile add(long ownerBotId, StoredFile.Kind kind, byte[] content, String mimeType, String extension,
            Random random) {
        String fileId = prefix(kind) + randomBase64(random, 48);
        String uniqueId = "AQAD" + randomBase64(random, 9);
        String path = folder(kind) + "/file_" + (++sequence) + (extension.isEmpty() ? "" : "." + extension);
        StoredFile file = new StoredFile(fileId, uniqueId, ownerBotId, kind, content, mimeType, path);
        byId.put(fileId, file);
        byPath.put(path, file);
        return file;
    }

    /** The file if it exists and belongs to this bot. */
    StoredFile byId(long botId, String fileId) {
        StoredFile file = byId.get(fileId);
        return file != null && file.ownerBotId() == botId ? file : null;
    }

    StoredFile byPath(long botId, String path) {
        StoredFile file = byPath.get(path);
        return file != null && file.ownerBotId() == botId ? file : null;
    }

    void clear() {
        byId.clear();
        byPath.clear();
        sequence = 0;
    }

    /** Real file_ids start with a type-dependent header; clients sometimes sniff it. */
    private static String prefix(StoredFile.Kind kind) {
        return switch (kind) {
            case PHOTO -> "AgACAgIAAxkBAAI";
            case DOCUMENT -> "BQACAgIAAxkBAAI";
            case VOICE -> "AwACAgIAAxkBAAI";
        };
    }

    private static String folder(StoredFile.Kind kind) {
        return switch (kind) {
            case PHOTO -> "photos";
            case DOCUMENT -> "documents";
            case VOICE -> "voice";
        };
    }

    private static String randomBase64(Random random, int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }
}
