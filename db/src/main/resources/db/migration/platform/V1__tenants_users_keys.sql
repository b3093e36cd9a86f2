-- The shared (public) schema holds only what must be shared across tenants:
-- the tenant registry, logins and API keys, the webhook routing table, the work queue.

CREATE TABLE tenant (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9_]{1,40}$'),
    name        text        NOT NULL,
    schema_name text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- email is the login, unique across the platform
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

CREATE TABLE api_key (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    -- SHA-256 of the whole key: keys carry 256 random bits, so a fast hash is safe and
    -- lets a request be authenticated with one indexed lookup.
    key_hash     bytea       NOT NULL UNIQUE,
    hint         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);
CREATE INDEX api_key_tenant ON api_key (tenant_id);

-- One row per integration of every tenant: the only way from a webhook URL to a tenant.
CREATE TABLE webhook_route (
    webhook_key    text        PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    integration_id uuid        NOT NULL UNIQUE,
    channel_type   text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_route_tenant ON webhook_route (tenant_id);

-- The work queue. An item is due when run_at <= now(); claiming it moves run_at to the end
-- of the lease, so an item whose worker died becomes due again by itself.
CREATE TABLE work_item (
    id          bigserial   PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    kind        text        NOT NULL,
    ref_id      uuid        NOT NULL,
    run_at      timestamptz NOT NULL DEFAULT now(),
    attempts    integer     NOT NULL DEFAULT 0,
    lease_owner text,
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_item_due ON work_item (run_at);
CREATE INDEX work_item_tenant ON work_item (tenant_id);

-- Platform-wide key/value settings (e.g. the credential keyset's bookkeeping).
CREATE TABLE platform_setting (
    name       text        PRIMARY KEY,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Which node runs the polling loop of an integration (Telegram getUpdates allows one poller).
CREATE TABLE poller_lease (
    integration_id uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    owner          text        NOT NULL,
    lease_until    timestamptz NOT NULL
);
