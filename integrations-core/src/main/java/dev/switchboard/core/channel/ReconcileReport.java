package dev.switchboard.core.channel;

import java.util.Map;

/**
 * @param repaired  whether the remote registration had drifted and was set again
 * @param details   provider figures worth showing (pending updates, last remote error, ...)
 */
public record ReconcileReport(boolean repaired, String summary, Map<String, Object> details) {
}
