package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.AppIT;
import dev.switchboard.app.support.GenericPlans;
import dev.switchboard.core.tenant.QualifiedPool;
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
        TestTenant tenant = newTenant("read_plan");
        String plan = GenericPlans.explain(pool.dataSource(),
                List.of("TRUNCATE public.work_item", // rolled back
                        "ANALYZE public.work_item"), // as PostgreSQL sees a queue that is empty
                "uuid[]", InboundReads.ROWS.of(tenant.ref()).replace(":ids", "$1"),
                "ARRAY[gen_random_uuid()]");
        assertThat(plan)
                .contains("message_conversation", "work_item_inbound_ref")
                .doesNotContain("message_created", "work_item_tenant_due");
    }
}
