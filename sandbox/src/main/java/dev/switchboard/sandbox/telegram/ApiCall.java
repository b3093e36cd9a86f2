package dev.switchboard.sandbox.telegram;

import java.time.Instant;

/**
 * One Bot API request and the status the emulator answered.
 *
 * @param method      the canonical method name (as sent when the method is unknown)
 * @param description the error description, null on success
 */
public record ApiCall(String method, int status, String description, Instant at) {
}
