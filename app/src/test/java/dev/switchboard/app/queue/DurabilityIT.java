package dev.switchboard.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.AppIT;
import dev.switchboard.core.queue.RelaxedDurability;
import dev.switchboard.core.queue.WorkTransactions;
import dev.switchboard.core.tenant.QualifiedPool;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which commits wait for the disk: ordinary transactions and the qualified pool's statements (a
 * stored webhook, an accepted or sent message) do; the queue's bookkeeping (its own pool) and work transactions do not, and a work
 * transaction's setting ends with it.
 */
class DurabilityIT extends AppIT {

    private static final String SHOW = "SHOW synchronous_commit";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TransactionTemplate tx;

    @Autowired
    private WorkTransactions workTx;

    @Autowired
    private RelaxedDurability relaxed;

    @Autowired
    private QualifiedPool qualified;

    @Test
    void onlyBookkeepingAndWorkTransactionsCommitWithoutWaitingForTheDisk() {
        String ordinary = tx.execute(status -> setting(jdbc));
        String work = workTx.execute(status -> setting(jdbc));
        assertThat(ordinary).isEqualTo("on");
        assertThat(setting(qualified.jdbc())).as("where webhooks are stored and sends recorded").isEqualTo("on");
        assertThat(setting(relaxed.jdbc())).isEqualTo("off");
        assertThat(relaxed.jdbc().sql("SHOW plan_cache_mode").query(String.class).single())
                .as("the claims planned once per connection").isEqualTo("force_generic_plan");
        assertThat(work).isEqualTo("off");
        // SET LOCAL: the connection goes back to the pool as durable as it came
        for (int i = 0; i < 25; i++) {
            String after = tx.execute(status -> setting(jdbc));
            assertThat(after).isEqualTo("on");
        }
    }

    private static String setting(JdbcClient client) {
        return client.sql(SHOW).query(String.class).single();
    }
}
