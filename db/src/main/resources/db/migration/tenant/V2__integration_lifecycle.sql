-- What the scheduled reconcile and health check last saw of each integration's remote side.
ALTER TABLE integration
    ADD COLUMN remote_state  jsonb,
    ADD COLUMN reconciled_at timestamptz,
    ADD COLUMN checked_at    timestamptz;
