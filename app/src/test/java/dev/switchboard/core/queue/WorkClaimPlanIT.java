package dev.switchboard.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.AppIT;
import dev.switchboard.app.support.GenericPlans;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The work claims are planned once per connection of the {@link RelaxedDurability} pool, often
 * while the queue is empty (a node that just started): even then they must find due items through
 * the queue's indexes. A plan that scanned the table kept scanning it on every claim once the
 * queue had grown, until PostgreSQL next analyzed it (a thousand pages read for four items in the
 * ingest benchmark).
 */
class WorkClaimPlanIT extends AppIT {

    @Autowired
    private RelaxedDurability relaxed;

    @Test
    void claimsUseTheQueuesIndexesWhenPlannedOnAnEmptyQueue() throws Exception {
        // on an empty queue either index of run_at costs the same to the planner, for either claim
        // (CI has seen both); a plan made so is replaced when PostgreSQL next analyzes the queue
        assertThat(plan(WorkQueue.CLAIM, "")).containsPattern("Index Scan using work_item_(tenant_)?due")
                .doesNotContain("Seq Scan");
        assertThat(plan(WorkQueue.CLAIM_MORE, ", gen_random_uuid(), 'inbound'"))
                .containsPattern("Index Scan using work_item_(tenant_)?due").doesNotContain("Seq Scan");
    }

    /** The claim's generic plan on a relaxed connection, with the queue empty as PostgreSQL sees it. */
    private String plan(String claim, String filter) throws Exception {
        String numbered = claim.replace(":leaseSeconds", "$1").replace(":owner", "$2").replace(":max", "$3")
                .replace(":tenant", "$4").replace(":kind", "$5");
        return GenericPlans.explain(relaxed.dataSource(),
                List.of("TRUNCATE public.work_item", "ANALYZE public.work_item"), // rolled back
                "float8, text, int" + (filter.isEmpty() ? "" : ", uuid, text"), numbered, "60, 'plan-test', 16" + filter);
    }
}
