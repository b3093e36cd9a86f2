package dev.switchboard.core.conversation;

import dev.switchboard.core.tenant.TenantContext;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Raises {@link ConversationChanged} on every node: a {@code pg_notify} inside the caller's
 * transaction, so it is delivered exactly when the change commits (and not at all on rollback).
 */
@Component
public class ConversationSignals {

    static final String CHANNEL = "switchboard_conversations";

    private final JdbcClient jdbc;

    public ConversationSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void changed(UUID conversationId) {
        jdbc.sql("SELECT pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param("payload", TenantContext.require().id() + ":" + conversationId)
                .query((rs, n) -> 1).list();
    }
}
