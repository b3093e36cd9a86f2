package dev.switchboard.sandbox.twilio;

import java.util.HexFormat;
import java.util.Random;

/** Twilio identifiers: a two-letter prefix and 32 lowercase hex digits (34 characters). */
final class Sids {

    private Sids() {
    }

    static String of(String prefix, Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** 32 lowercase hex digits, like an Auth Token. */
    static String token(Random random) {
        return of("", random);
    }

    static boolean valid(String prefix, String sid) {
        return sid != null && sid.matches(prefix + "[0-9a-f]{32}");
    }
}
