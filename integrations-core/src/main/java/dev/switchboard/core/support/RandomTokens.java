package dev.switchboard.core.support;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers: webhook keys, webhook secrets, API keys. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    /** {@code bits} random bits as unpadded base64url ({@code A-Z a-z 0-9 _ -}). */
    public static String base64Url(int bits) {
        byte[] bytes = new byte[bits / 8];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }
}
