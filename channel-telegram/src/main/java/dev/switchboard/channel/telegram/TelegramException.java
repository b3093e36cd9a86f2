package dev.switchboard.channel.telegram;

import dev.switchboard.core.channel.ChannelException;
import java.time.Duration;

/**
 * A failed Bot API call, classified by Telegram's {@code error_code} and {@code parameters} (never
 * by description texts, which Telegram may change). The message is Telegram's description.
 */
public class TelegramException extends ChannelException {

    public TelegramException(int errorCode, String description, Integer retryAfterSeconds) {
        super(kindOf(errorCode), errorCode, Integer.toString(errorCode), describe(errorCode, description),
                retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds));
    }

    private static Kind kindOf(int errorCode) {
        if (errorCode == 429 || errorCode >= 500) {
            return Kind.RETRYABLE;
        }
        return errorCode == 401 ? Kind.UNAUTHORIZED : Kind.PERMANENT;
    }

    private static String describe(int errorCode, String description) {
        if (errorCode == 401) {
            return "Telegram rejected the bot token (401 Unauthorized): check it with @BotFather";
        }
        return description == null || description.isBlank() ? "Telegram answered " + errorCode : description;
    }
}
