package dev.switchboard.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.telegram.TelegramIT;
import dev.switchboard.sandbox.telegram.SentMessage;
import dev.switchboard.sandbox.telegram.TgUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code SELECT * FROM ops.integrations}: every integration of every tenant, with its counters, in SQL. */
class OperatorViewIT extends TelegramIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOperatorsViewListsEveryIntegrationOfEveryTenantWithItsCounters() {
        Connected first = connectEchoBot("ops_a", "webhook");
        Connected second = connectEchoBot("ops_b", "webhook");
        Connected third = connectEchoBot("ops_c", "polling");
        TgUser guest = telegram.user(5_500_000_001L, "Ops", "ops", "en");
        telegram.injectText(first.bot().token(), guest, "one");
        telegram.injectText(first.bot().token(), guest, "two");
        telegram.injectText(second.bot().token(), guest, "three");
        eventually(() -> assertThat(telegram.sentMessages(first.bot().token())).extracting(SentMessage::text)
                .containsExactly("one", "two"));
        eventually(() -> assertThat(telegram.sentMessages(second.bot().token())).hasSize(1));

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM ops.integrations").query().listOfRows();

        assertThat(row(rows, first)).containsEntry("tenant", first.tenant().slug()).containsEntry("type", "telegram")
                .containsEntry("status", "active").containsEntry("messages_received", 2L).containsEntry("messages_sent", 2L)
                .containsEntry("owner_email", first.tenant().slug() + "@example.test");
        assertThat(row(rows, first).get("last_activity")).isNotNull();
        assertThat(row(rows, second)).containsEntry("messages_received", 1L).containsEntry("messages_sent", 1L);
        assertThat(row(rows, third)).containsEntry("messages_received", 0L).containsEntry("messages_sent", 0L);
        assertThat(rows.stream().map(r -> r.get("tenant")).distinct().count()).isGreaterThanOrEqualTo(3);
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, Connected connected) {
        return rows.stream().filter(r -> r.get("integration_id").toString().equals(connected.integrationId()))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + connected.integrationId()));
    }
}
