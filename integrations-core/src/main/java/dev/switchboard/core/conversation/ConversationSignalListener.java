package dev.switchboard.core.conversation;

import dev.switchboard.core.support.Threads;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's ear on {@code LISTEN switchboard_conversations}: one dedicated connection, turning
 * each notification into a {@link ConversationChanged} application event. Reconnects after a
 * failure; a notification missed while reconnecting only delays a live view until its next change.
 */
@Component
class ConversationSignalListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConversationSignalListener.class);
    private static final int WAIT_MILLIS = 1000;

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private Thread thread;

    ConversationSignalListener(DataSource dataSource, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @Override
    public void start() {
        running = true;
        thread = Threads.start("sb-conversation-signals", this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ConversationSignals.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            publish(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("conversation signal listener reconnecting: {}", e.toString());
                    pause();
                }
            }
        }
    }

    /** A payload is one or more {@code tenant:conversation} pairs (see {@link ConversationSignals}). */
    private void publish(String payload) {
        for (String signal : payload.split(String.valueOf(ConversationSignals.SEPARATOR))) {
            String[] parts = signal.split(":", 2);
            if (parts.length == 2) {
                events.publishEvent(new ConversationChanged(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
