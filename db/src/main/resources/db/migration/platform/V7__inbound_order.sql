-- A conversation's inbound messages are answered in the order they came: a message whose
-- conversation has an earlier one still waiting for its work item waits too. That check looks
-- the earlier messages' items up by reference; only inbound items need it.
CREATE INDEX work_item_inbound_ref ON work_item (ref_id) WHERE kind = 'inbound';
