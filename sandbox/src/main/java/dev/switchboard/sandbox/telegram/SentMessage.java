package dev.switchboard.sandbox.telegram;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something a bot put into a chat and the emulator accepted: a send or an edit.
 *
 * @param method      the canonical method name, e.g. {@code sendMessage}, {@code editMessageText}
 * @param text        the message text after entity parsing, or null
 * @param caption     the media caption after entity parsing, or null
 * @param media       the photo/document as the bot referenced it: an http(s) URL, a file_id,
 *                    or {@code upload:<file name>} for a multipart upload; null for text
 * @param replyMarkup the {@code reply_markup} parameter as JSON text, or null
 * @param params      every parameter as received (files described as {@code <file name, n bytes>})
 * @param result      the Message object returned to the bot, as JSON text
 */
public record SentMessage(String method, long chatId, long messageId, String text, String caption, String media,
        String replyMarkup, Map<String, String> params, String result, Instant at) {

    public SentMessage {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
