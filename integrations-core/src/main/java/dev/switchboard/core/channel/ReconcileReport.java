package dev.switchboard.core.channel;

import java.util.Map;

/**
 * @param repaired        whether the remote registration had drifted and was set again
 * @param details         provider figures worth showing (pending updates, last remote error, ...)
 * @param changedSettings settings the repair changed (a renewed push channel's id), merged into the
 *                        integration's settings; empty when none
 */
public record ReconcileReport(boolean repaired, String summary, Map<String, Object> details,
                              Map<String, Object> changedSettings) {

    public ReconcileReport(boolean repaired, String summary, Map<String, Object> details) {
        this(repaired, summary, details, Map.of());
    }
}
