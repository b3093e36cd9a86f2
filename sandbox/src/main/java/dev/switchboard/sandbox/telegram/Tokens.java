package dev.switchboard.sandbox.telegram;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bot tokens: {@code <bot id>:<secret>}. Generation mimics BotFather; masking keeps them out of logs. */
final class Tokens {

    private static final Pattern FORMAT = Pattern.compile("^(\\d{1,18}):([A-Za-z0-9_-]+)$");
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private Tokens() {
    }

    /** A 10-digit id and a 35-character secret starting with "AA", like current BotFather tokens. */
    static String generate(Random random) {
        long id = 1_000_000_000L + (long) (random.nextDouble() * 7_000_000_000L);
        StringBuilder secret = new StringBuilder("AA");
        while (secret.length() < 35) {
            secret.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
        }
        return id + ":" + secret;
    }

    /** The bot id from the token; rejects strings that are not {@code digits:secret}. */
    static long botId(String token) {
        Matcher matcher = FORMAT.matcher(token == null ? "" : token);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a bot token (<digits>:<A-Za-z0-9_->): " + mask(token));
        }
        return Long.parseLong(matcher.group(1));
    }

    /** {@code 123456:AA…xyz9}: the id, the first two and last four characters of the secret. */
    static String mask(String token) {
        if (token == null) {
            return "null";
        }
        int colon = token.indexOf(':');
        String secret = colon < 0 ? token : token.substring(colon + 1);
        String id = colon < 0 ? "" : token.substring(0, colon + 1);
        if (secret.length() < 8) {
            return id + "…";
        }
        return id + secret.substring(0, 2) + "…" + secret.substring(secret.length() - 4);
    }
}
