package dev.switchboard.core.queue;

import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions of queued work whose effects stay inside the database, committed without waiting
 * for the WAL flush ({@code SET LOCAL synchronous_commit = off}). Losing one in a database crash
 * only means its work item was not completed, so the work runs again; nothing outside was told
 * about it. A transaction that records what a provider accepted uses the ordinary, durable
 * {@link TransactionTemplate} instead (and makes every earlier relaxed commit durable with it).
 */
@Component
public class WorkTransactions {

    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    public WorkTransactions(TransactionTemplate tx, JdbcClient jdbc) {
        this.tx = tx;
        this.jdbc = jdbc;
    }

    public <T> T execute(TransactionCallback<T> action) {
        return tx.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            return action.doInTransaction(status);
        });
    }

    public void executeWithoutResult(Consumer<TransactionStatus> action) {
        execute(status -> {
            action.accept(status);
            return null;
        });
    }
}
