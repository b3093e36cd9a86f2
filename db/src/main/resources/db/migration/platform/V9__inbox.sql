-- The inbox: a webhook is answered once its parsed events are committed here, one row per
-- delivery, and the inbox mover stores them into their tenant's schema (messages, contacts,
-- conversations, work items, counters) in batches of hundreds, de-duplicating there. Storing
-- each webhook straight into the tenant schema wrote five rows with their indexes before its
-- 200, in groups of about two deliveries per tenant; the inbox takes one row, and the tenant
-- statements get large groups. Rows leave in the transaction that follows their storing; one
-- that comes back after a crash is stored again as a no-op.
--
-- Every webhook pays for what this table has, so it has little: no foreign key to the tenant
-- (each insert would lock the tenant's row; the mover drops the rows of a tenant that is gone),
-- no index but its key (it is nearly empty when the mover keeps up), and the events as text
-- (JSON written by Switchboard; jsonb would parse every row on the way in and out).
CREATE TABLE inbox (
    id              bigserial   PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    integration_id  uuid        NOT NULL,
    channel_type    text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    events          text        NOT NULL,
    -- a delivery the mover could not store is tried again later, not dropped
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz
);
