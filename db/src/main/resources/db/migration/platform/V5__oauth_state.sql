-- OAuth authorization requests in flight: the `state` sent to the provider is a random 256-bit
-- key of this table, so it cannot be forged; it is bound to the tenant and the user who asked,
-- used once, and expires.
CREATE TABLE oauth_state (
    state       text        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    provider    text        NOT NULL,
    actor       text        NOT NULL,
    name        text        NOT NULL,
    return_to   text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
