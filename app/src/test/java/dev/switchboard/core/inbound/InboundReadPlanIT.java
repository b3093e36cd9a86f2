package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.AppIT;
import dev.switchboard.core.tenant.QualifiedPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbound read is planned once per connection of the {@link QualifiedPool}, often while a new
 * tenant's messages or the queue are empty (a node that just started, a queue that just drained):
 * even then, its order check must find a conversation's earlier messages through the
 * conversation's index and their work items by reference, not walk indexes whose cost grows with
 * the tenant's day of messages or with every item waiting under load.
 */
class InboundReadPlanIT extends AppIT {

    @Autowired
    private QualifiedPool pool;

    @Test
    void theOrderCheckUsesTheConversationAndReferenceIndexesWhenPlannedOnEmptyTables() throws Exception {
        String schema = newTenant("read_plan").schema() + ".";
        List<String> plan = new ArrayList<>();
        try (Connection connection = pool.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                sql.execute("TRUNCATE public.work_item"); // rolled back below
                sql.execute("ANALYZE public.work_item"); // as PostgreSQL sees a queue that is empty
                sql.execute("PREPARE inbound_read (uuid[]) AS "
                        + InboundReads.ROWS.formatted(schema, InboundReads.NEAREST_EARLIER).replace(":ids", "$1"));
                try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE inbound_read (ARRAY[gen_random_uuid()])")) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
            } finally {
                connection.rollback();
                sql.execute("DEALLOCATE inbound_read");
                connection.setAutoCommit(true);
            }
        }
        assertThat(String.join("\n", plan))
                .contains("message_conversation", "work_item_inbound_ref")
                .doesNotContain("message_created", "work_item_tenant_due");
    }
}
