-- The inbox: a webhook is answered once its parsed events are committed here, one row per
-- delivery, and the inbox mover stores them into their tenant's schema (messages, contacts,
-- conversations, work items, counters) in batches of hundreds, de-duplicating there. Storing
-- each webhook straight into the tenant schema wrote five rows with their indexes before its
-- 200, in groups of about two deliveries per tenant; the inbox takes one row, and the tenant
-- statements get large groups. Rows leave in the transaction that follows their storing; one
-- that comes back after a crash is stored again as a no-op.
CREATE TABLE inbox (
    id              bigserial   PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    integration_id  uuid        NOT NULL,
    channel_type    text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    events          jsonb       NOT NULL,
    -- a delivery the mover could not store is tried again later, not dropped
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz
);
-- no index on tenant_id: the table is nearly empty when the mover keeps up, and a tenant's
-- deletion (its cascade) is rare; every webhook would pay for one
