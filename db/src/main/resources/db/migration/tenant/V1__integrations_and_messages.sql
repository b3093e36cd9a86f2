-- Run once per tenant schema (t_<slug>), with search_path set to that schema.
-- Tenant tables reference the public schema only by id (no foreign keys across schemas),
-- so schemas can be distributed (Citus schema-based sharding) without code changes.

CREATE TABLE integration (
    id               uuid        PRIMARY KEY,
    type             text        NOT NULL,
    name             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'active', 'error', 'disabled')),
    credentials      bytea,
    credentials_hint text,
    settings         jsonb       NOT NULL DEFAULT '{}',
    webhook_key      text        NOT NULL UNIQUE,
    last_error       text,
    last_error_at    timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Counters are spread over a few rows per integration so that concurrent webhooks and sends
-- never queue behind one hot row; readers sum the shards.
CREATE TABLE integration_counter (
    integration_id    uuid     NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    shard             smallint NOT NULL,
    messages_received bigint   NOT NULL DEFAULT 0,
    messages_sent     bigint   NOT NULL DEFAULT 0,
    last_activity     timestamptz,
    PRIMARY KEY (integration_id, shard)
);

CREATE TABLE contact (
    id             uuid        PRIMARY KEY,
    integration_id uuid        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    external_id    text        NOT NULL,
    display_name   text,
    username       text,
    phone          text,
    language       text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (integration_id, external_id)
);

CREATE TABLE conversation (
    id              uuid        PRIMARY KEY,
    integration_id  uuid        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    contact_id      uuid        NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    chat_id         text        NOT NULL,
    mode            text        NOT NULL DEFAULT 'bot' CHECK (mode IN ('bot', 'human')),
    last_message_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (integration_id, chat_id)
);
CREATE INDEX conversation_recent ON conversation (last_message_at DESC NULLS LAST);

CREATE TABLE message (
    id                  uuid        PRIMARY KEY,
    conversation_id     uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    integration_id      uuid        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    direction           text        NOT NULL CHECK (direction IN ('in', 'out')),
    -- inbound: the provider's delivery id (Telegram update_id, ...), the de-duplication key
    external_id         text,
    provider_message_id text,
    kind                text        NOT NULL,
    text                text,
    payload             jsonb,
    status              text        NOT NULL
                        CHECK (status IN ('received', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed')),
    attempts            integer     NOT NULL DEFAULT 0,
    error               text,
    idempotency_key     text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    delivered_at        timestamptz,
    read_at             timestamptz
);
CREATE UNIQUE INDEX message_inbound_dedup ON message (integration_id, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX message_idempotency ON message (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX message_conversation ON message (conversation_id, created_at);
CREATE INDEX message_provider_id ON message (integration_id, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Single-row tables of per-tenant settings.
CREATE TABLE tenant_settings (
    singleton               boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    notification_recipients jsonb       NOT NULL DEFAULT '[]',
    retention_days          integer     NOT NULL DEFAULT 365,
    updated_at              timestamptz NOT NULL DEFAULT now()
);
INSERT INTO tenant_settings DEFAULT VALUES;

CREATE TABLE agent_config (
    singleton     boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    kind          text        NOT NULL DEFAULT 'none',
    system_prompt text,
    llm           jsonb,
    llm_api_key   bytea,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
INSERT INTO agent_config DEFAULT VALUES;

-- Delivery receipts from providers, applied to the message they name. A receipt that arrives
-- before the send that it confirms is recorded stays pending and is applied when it is.
CREATE TABLE delivery_receipt (
    integration_id      uuid        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    dedup_key           text        NOT NULL,
    provider_message_id text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
    error               text,
    occurred_at         timestamptz NOT NULL,
    applied             boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (integration_id, dedup_key)
);
CREATE INDEX delivery_receipt_pending ON delivery_receipt (integration_id, provider_message_id) WHERE NOT applied;
