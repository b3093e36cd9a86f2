package dev.switchboard.sandbox.telegram;

import java.time.Instant;

/** A successful answerCallbackQuery. */
public record AnsweredCallback(String callbackQueryId, String text, boolean showAlert, String url, int cacheTime,
        Instant at) {
}
