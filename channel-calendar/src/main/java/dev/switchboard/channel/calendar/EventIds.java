package dev.switchboard.channel.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The Calendar event id of a caller's key: deterministic (a retry finds the same event; Google
 * answers 409 to a second insert) and in Google's alphabet, base32hex {@code [0-9a-v]}.
 */
final class EventIds {

    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final int BYTES = 20;

    private EventIds() {
    }

    static String of(UUID integrationId, String key) {
        byte[] digest = sha256(integrationId + ":" + key);
        StringBuilder id = new StringBuilder("sb");
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < BYTES; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                id.append(BASE32HEX[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return id.toString();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
