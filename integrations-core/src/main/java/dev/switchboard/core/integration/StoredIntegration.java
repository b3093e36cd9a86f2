package dev.switchboard.core.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * What the hot paths (a send, a webhook) need of an integration, read as a plain row instead of
 * an entity: every message used to pay an entity load and a JSON conversion of its settings. The
 * settings stay JSON text, read only when {@link IntegrationHandles} opens a handle it has not
 * cached yet.
 *
 * @param settingsJson the {@code settings} column as JSON text
 */
public record StoredIntegration(UUID id, String type, IntegrationStatus status, Instant updatedAt, byte[] credentials,
                                String settingsJson, String webhookKey) {

    /** The columns {@link #read} expects, of the {@code integration} table aliased {@code i}. */
    public static final String COLUMNS = """
            i.id AS i_id, i.type AS i_type, i.status AS i_status, i.updated_at AS i_updated_at,
            i.credentials AS i_credentials, i.settings::text AS i_settings, i.webhook_key AS i_webhook_key""";

    public static StoredIntegration read(ResultSet rs) throws SQLException {
        return new StoredIntegration(rs.getObject("i_id", UUID.class), rs.getString("i_type"),
                IntegrationStatus.valueOf(rs.getString("i_status").toUpperCase(Locale.ROOT)),
                rs.getObject("i_updated_at", OffsetDateTime.class).toInstant(), rs.getBytes("i_credentials"),
                rs.getString("i_settings"), rs.getString("i_webhook_key"));
    }
}
