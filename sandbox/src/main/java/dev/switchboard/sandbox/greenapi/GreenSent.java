package dev.switchboard.sandbox.greenapi;

import java.time.Instant;
import java.util.Map;

/**
 * One accepted send call.
 *
 * @param method    the Green API method, e.g. {@code sendMessage}
 * @param body      the request body as parsed JSON (maps, lists, strings, numbers); for uploads the
 *                  form fields, with the file described as {@code <file name, N bytes>}
 * @param at        emulator time of acceptance
 */
public record GreenSent(String method, String chatId, String idMessage, Map<String, Object> body, Instant at) {
}
