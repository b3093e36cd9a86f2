package dev.switchboard.core.channel;

import java.util.Map;

/** @param ok whether the integration can send and receive right now */
public record HealthReport(boolean ok, String summary, Map<String, Object> details) {
}
