package dev.switchboard.app.booking;

import dev.switchboard.core.support.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The data behind a manager's Approve / Reject buttons: {@code bk1.<code>.<action>.<mac>}, an
 * HMAC-SHA256 (truncated to 96 bits) over code and action with a platform key, 32 bytes in all —
 * well inside Telegram's 64-byte {@code callback_data}. An altered or forged payload does not
 * verify; the press is still checked against the venue's managers.
 */
@Component
class ButtonPayloads {

    static final String PREFIX = "bk1.";
    private static final String KEY_SETTING = "bookings.button-key";

    enum Action {
        APPROVE('a'), REJECT('r');

        final char letter;

        Action(char letter) {
            this.letter = letter;
        }

        static Optional<Action> of(char letter) {
            for (Action action : values()) {
                if (action.letter == letter) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    record Press(String code, Action action) {
    }

    private final byte[] key;

    ButtonPayloads(JdbcClient jdbc) {
        jdbc.sql("INSERT INTO public.platform_setting (name, value) VALUES (:name, :value) ON CONFLICT DO NOTHING")
                .param("name", KEY_SETTING).param("value", RandomTokens.base64Url(256)).update();
        this.key = jdbc.sql("SELECT value FROM public.platform_setting WHERE name = :name").param("name", KEY_SETTING)
                .query(String.class).single().getBytes(StandardCharsets.UTF_8);
    }

    String payload(String code, Action action) {
        return PREFIX + code + "." + action.letter + "." + mac(code, action.letter);
    }

    Optional<Press> verify(String data) {
        if (data == null || !data.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = data.substring(PREFIX.length()).split("\\.");
        if (parts.length != 3 || parts[1].length() != 1 || !BookingCodes.wellFormed(parts[0])) {
            return Optional.empty();
        }
        char letter = parts[1].charAt(0);
        boolean authentic = MessageDigest.isEqual(mac(parts[0], letter).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        return authentic ? Action.of(letter).map(action -> new Press(parts[0], action)) : Optional.empty();
    }

    static boolean looksLikeOurs(String data) {
        return data != null && data.startsWith(PREFIX);
    }

    private String mac(String code, char action) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((code + "." + action).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
