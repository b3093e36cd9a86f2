package dev.switchboard.sandbox.google;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Pattern;

/** Generated identifiers and tokens shaped like Google's. */
final class Ids {

    /** Client-chosen event ids: base32hex characters, 5 to 1024 of them. */
    static final Pattern EVENT_ID = Pattern.compile("[a-v0-9]{5,1024}");

    private static final String BASE32HEX = "0123456789abcdefghijklmnopqrstuv";
    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String DIGITS = "0123456789";

    private final Random random = new SecureRandom();

    String eventId() {
        return pick(BASE32HEX, 26);
    }

    /** {@code ya29.a0...}: an access token. */
    String accessToken() {
        return "ya29.a0" + pick(URL_SAFE, 150);
    }

    /** {@code 1//0g...}: a refresh token. */
    String refreshToken() {
        return "1//0g" + pick(URL_SAFE, 98);
    }

    /** {@code 4/0A...}: an authorization code. */
    String authorizationCode() {
        return "4/0A" + pick(URL_SAFE, 69);
    }

    /** A 21-digit account id, the {@code sub} of id tokens. */
    String subject() {
        return "1" + pick(DIGITS, 20);
    }

    /** Opaque resource ids of watched collections. */
    String resourceId() {
        return pick(URL_SAFE, 27);
    }

    String calendarId() {
        return "c_" + pick(BASE32HEX, 40) + "@group.calendar.google.com";
    }

    /**
     * Sync tokens are standard base64 with padding, like Google's, so they contain '+', '/' and
     * '=' often enough to catch a client that does not percent-encode them.
     */
    String syncToken() {
        return "CP" + Base64.getEncoder().encodeToString(bytes(22));
    }

    String pageToken() {
        return "Eh" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(30));
    }

    String signature() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(64));
    }

    static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** First and last four characters: enough to tell tokens apart in logs, too little to use. */
    static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        return secret.length() <= 12 ? "***" : secret.substring(0, 4) + "…" + secret.substring(secret.length() - 4);
    }

    private synchronized byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private synchronized String pick(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
