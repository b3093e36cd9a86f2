package dev.switchboard.core.integration;

import java.util.Map;

public record NewIntegration(String type, String name, Map<String, Object> credentials, Map<String, Object> settings) {
}
