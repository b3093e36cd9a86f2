package dev.switchboard.sandbox.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Placeholder file content for media the emulator invents (injected photos, media sent by
 * URL, which it does not fetch). The bytes start with the right magic number so clients that
 * sniff content types are not thrown off.
 */
final class SyntheticBytes {

    private SyntheticBytes() {
    }

    static byte[] forMimeType(String mimeType, int size, Random random) {
        byte[] data = new byte[Math.max(size, 16)];
        random.nextBytes(data);
        byte[] magic = magic(mimeType == null ? "" : mimeType);
        System.arraycopy(magic, 0, data, 0, magic.length);
        return data;
    }

    private static byte[] magic(String mimeType) {
        return switch (mimeType) {
            case "image/jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
            case "image/png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
            case "image/gif" -> "GIF89a".getBytes(StandardCharsets.US_ASCII);
            case "application/pdf" -> "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
            case "application/zip" -> new byte[] {'P', 'K', 3, 4};
            case "audio/ogg" -> "OggS".getBytes(StandardCharsets.US_ASCII);
            default -> new byte[0];
        };
    }

    /** Whether an upload looks like an image Telegram could process as a photo. */
    static boolean isImage(byte[] data) {
        return startsWith(data, 0xFF, 0xD8, 0xFF) || startsWith(data, 0x89, 'P', 'N', 'G')
                || startsWith(data, 'G', 'I', 'F', '8') || startsWith(data, 'B', 'M')
                || (startsWith(data, 'R', 'I', 'F', 'F') && data.length > 11 && data[8] == 'W' && data[9] == 'E');
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
