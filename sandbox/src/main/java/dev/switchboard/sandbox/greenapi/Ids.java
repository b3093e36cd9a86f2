package dev.switchboard.sandbox.greenapi;

import java.util.HexFormat;
import java.util.Random;

/** Realistic-looking identifiers. */
final class Ids {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private Ids() {
    }

    /** 16 uppercase hex characters, like {@code BAE5F4886F6F2D05}. */
    static String messageId(Random random) {
        return "BAE5" + hex(random, 6).toUpperCase(java.util.Locale.ROOT);
    }

    /** 16 uppercase hex characters for messages that arrive from WhatsApp, like {@code 3EB0C767D097B7C7}. */
    static String incomingMessageId(Random random) {
        return "3EB0" + UPPER_HEX.formatHex(bytes(random, 6));
    }

    /** 50 lowercase hex characters, like a console-issued apiTokenInstance. */
    static String token(Random random) {
        return hex(random, 25);
    }

    static String hex(Random random, int bytes) {
        return HexFormat.of().formatHex(bytes(random, bytes));
    }

    private static byte[] bytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
