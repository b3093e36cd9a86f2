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
 * The inbound read is planned once per connection of the {@link QualifiedPool}, often while the
 * queue is empty (a node that just started, a queue that just drained): even then, its order check
 * must look an earlier message's work item up by reference, not walk the queue's other index,
 * whose cost grows with every item waiting under load.
 */
class InboundReadPlanIT extends AppIT {

    @Autowired
    private QualifiedPool pool;

    @Test
    void theOrderCheckLooksWorkItemsUpByReferenceWhenPlannedOnAnEmptyQueue() throws Exception {
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
        assertThat(String.join("\n", plan)).contains("work_item_inbound_ref").doesNotContain("work_item_tenant_due");
    }
}
