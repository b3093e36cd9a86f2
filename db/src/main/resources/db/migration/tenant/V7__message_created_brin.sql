-- Retention walks messages by age (created_at < cutoff); a BRIN index serves that range as well
-- on a table written in time order, costs far less to maintain on every stored message, and —
-- the reason for the change — cannot give rows in created_at order. The order check and the
-- agent's history read a conversation's latest messages (ORDER BY created_at DESC LIMIT n) with
-- message_conversation. Their plans are made once per connection, often while a new tenant's
-- table is empty, where every index costs the same: PostgreSQL took the btree on created_at and
-- walked the tenant's whole day of messages for each of them (6–8 ms an inbound read under load).
DROP INDEX message_created;
CREATE INDEX message_created ON message USING brin (created_at);
