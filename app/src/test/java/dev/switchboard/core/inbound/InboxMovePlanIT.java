package dev.switchboard.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.support.AppIT;
import dev.switchboard.app.support.GenericPlans;
import dev.switchboard.core.tenant.QualifiedPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox mover's statement reads a group's messages from inbox rows, which the planner cannot
 * count (it guesses a hundred a row). Planned as a join, a group it thought large hashed every
 * message and contact of the tenant to find the group's few, a cost that grew with the tenant's
 * history (measured: 7–16 ms for 18 messages in the end-to-end benchmark). Its generic plan must
 * look each one up by index, one probe per message.
 */
class InboxMovePlanIT extends AppIT {

    /** The statement's parameters and their types, in the order they are numbered here. */
    private static final List<Map.Entry<String, String>> PARAMETERS = List.of(Map.entry("inboxIds", "bigint[]"),
            Map.entry("received", "text"), Map.entry("tenant", "uuid"), Map.entry("kind", "text"),
            Map.entry("leaseSeconds", "float8"), Map.entry("owner", "text"), Map.entry("attempts", "int"),
            Map.entry("shard", "int"));

    @Autowired
    private QualifiedPool pool;

    @Test
    void theTenantsMessagesAndContactsAreProbedOneByOneNeverScannedWhole() throws Exception {
        TestTenant tenant = newTenant("move_plan");
        String all = GenericPlans.explain(pool.dataSource(),
                List.of(), // the pool plans generically, as every connection does its statements
                PARAMETERS.stream().map(Map.Entry::getValue).collect(Collectors.joining(", ")),
                numbered(InboundInsert.fromInbox(tenant.ref())),
                "ARRAY[1, 2, 3]::bigint[], 'received', gen_random_uuid(), 'inbound', 0, NULL, 0, 1");
        List<String> plan = all.lines().toList();
        for (String table : List.of(" on message ", " on contact ")) {
            List<Integer> scans = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                if (plan.get(i).contains(table) && plan.get(i).contains("Scan")) {
                    scans.add(i);
                }
            }
            assertThat(scans).as("scans of%s in:\n%s", table, all).isNotEmpty();
            // each scan is a probe of at most one row, under the lateral subquery's LIMIT
            scans.forEach(line -> assertThat(plan.get(line - 1)).as("above line %d of:\n%s", line, all).contains("Limit"));
        }
    }

    /** The statement with its named parameters numbered. */
    private static String numbered(String statement) {
        List<String> names = PARAMETERS.stream().map(Map.Entry::getKey).toList();
        Matcher named = Pattern.compile("(?<!:):(\\w+)").matcher(statement);
        StringBuilder numbered = new StringBuilder();
        while (named.find()) {
            assertThat(names).as("a parameter of the statement").contains(named.group(1));
            named.appendReplacement(numbered, "\\$" + (names.indexOf(named.group(1)) + 1));
        }
        named.appendTail(numbered);
        return numbered.toString();
    }
}
