-- The order check looks an earlier message's work item up by reference (work_item_inbound_ref).
-- Its statement is planned once per connection (generic plans), and a connection that planned it
-- while the queue was empty — a node that just started, a queue that just drained — chose
-- work_item_tenant_due instead: on an empty table every index costs the same, and
-- (tenant_id, kind, run_at) accepts "kind = 'inbound'" on its second column. Under load that plan
-- walked every waiting item of every tenant for each earlier message. With the predicate in the
-- "C" collation, which work_item_tenant_due (default collation) cannot serve, this index is the
-- only one that fits the statement.
DROP INDEX work_item_inbound_ref;
CREATE INDEX work_item_inbound_ref ON work_item (ref_id) WHERE (kind COLLATE "C") = 'inbound';
