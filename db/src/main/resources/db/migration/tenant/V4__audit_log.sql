-- Who changed what, when: credentials, integrations connected and removed, API keys, erasures,
-- booking decisions. Never a secret value.
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    object_type text        NOT NULL,
    object_id   text,
    details     jsonb
);
CREATE INDEX audit_log_recent ON audit_log (at DESC);

-- Retention walks messages by age.
CREATE INDEX message_created ON message (created_at);
