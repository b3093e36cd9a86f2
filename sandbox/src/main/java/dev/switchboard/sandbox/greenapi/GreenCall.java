package dev.switchboard.sandbox.greenapi;

import java.time.Instant;

/**
 * One API call addressed to an instance, whatever its outcome.
 *
 * @param method     the method as Green API spells it (as requested, when unknown)
 * @param status     the HTTP status answered (0 when the connection was dropped)
 * @param tokenValid whether the URL carried this instance's apiTokenInstance
 */
public record GreenCall(String method, int status, boolean tokenValid, Instant at) {
}
