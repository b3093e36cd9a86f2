package dev.switchboard.core.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value: a bot token, an API key, a webhook secret. {@link #toString()} never shows it;
 * {@link #reveal()} is called only by the code that puts it on the wire.
 */
public final class Secret {

    private static final int HINT_CHARS = 4;
    private static final int MIN_LENGTH_FOR_HINT = 12;

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    /** A masked hint such as {@code …XYZ9}, safe to show in an API response. */
    public String hint() {
        return value.length() >= MIN_LENGTH_FOR_HINT ? "…" + value.substring(value.length() - HINT_CHARS) : "…";
    }

    /** Constant-time comparison, for authenticating a presented value. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret(" + hint() + ")";
    }
}
