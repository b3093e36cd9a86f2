-- Calendars: what incremental sync last saw of each connected calendar, and its sync position.
CREATE TABLE calendar_sync (
    integration_id uuid        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    calendar_id    text        NOT NULL,
    sync_token     text,
    synced_at      timestamptz,
    full_syncs     integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (integration_id, calendar_id)
);

CREATE TABLE calendar_event (
    integration_id uuid        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    calendar_id    text        NOT NULL,
    event_id       text        NOT NULL,
    status         text        NOT NULL,
    summary        text,
    starts_at      timestamptz,
    ends_at        timestamptz,
    updated        timestamptz,
    synced_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (integration_id, calendar_id, event_id)
);
CREATE INDEX calendar_event_time ON calendar_event (integration_id, starts_at);
