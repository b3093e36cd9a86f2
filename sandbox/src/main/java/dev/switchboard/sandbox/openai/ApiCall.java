package dev.switchboard.sandbox.openai;

import java.time.Instant;

/**
 * One HTTP call to the emulator's API (the control surface excepted).
 *
 * @param status    0 when the connection was dropped without an answer
 * @param errorCode the OpenAI error {@code code} (or {@code type} when code is null) of a failed call, else null
 */
public record ApiCall(Instant at, String method, String path, int status, boolean authorizationPresent,
        String errorCode) {
}
