package dev.switchboard.app.booking;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Booking codes: 10 characters of Crockford's base32 (no I, L, O, U), 50 random bits. A code is
 * what a public link carries, so it must not be guessable or sequential; it also fits Telegram's
 * deep-link payload alphabet.
 */
final class BookingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 10;
    static final Pattern FORMAT = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{10}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    static boolean wellFormed(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }
}
